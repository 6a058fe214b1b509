package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.TestRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTTP edge of api.md: every error row and every kind of bad field, in the JSON error shape. */
class HttpContractTest {
    private static TestServer server;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = TestServer.start(TestRules.FOLDER);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Asserts the error shape and that nothing of the machine leaks, and returns the error body. */
    static JsonNode error(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        OpenApiSchemas.assertValid("Error", response.body());
        JsonNode error = MAPPER.readTree(response.body()).get("error");
        assertEquals(code, error.get("code").asText(), response.body());
        assertFalse(error.get("message").asText().isBlank());
        for (String leak : List.of("Exception", "\tat ", "at com.", "at java.", "/work/", "/tmp/", "/root/")) {
            assertFalse(response.body().contains(leak), "leaks '" + leak + "': " + response.body());
        }
        return error;
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("an unknown field", RequestBodies.example().set("colour", "red"), "colour"),
                Arguments.of(
                        "an unknown field in the cart", RequestBodies.example().set("cart.coupon", "X"), "cart.coupon"),
                Arguments.of("an unknown channel", RequestBodies.example().set("channel", "SHOP"), "channel"),
                Arguments.of(
                        "a channel that is a number", RequestBodies.example().set("channel", 0), "channel"),
                Arguments.of("a missing channel", RequestBodies.example().remove("channel"), "channel"),
                Arguments.of("a null channel", RequestBodies.example().set("channel", null), "channel"),
                Arguments.of("a missing cart", RequestBodies.example().remove("cart"), "cart"),
                Arguments.of("a null cart", RequestBodies.example().set("cart", null), "cart"),
                Arguments.of("a cart that is a list", RequestBodies.example().set("cart", List.of()), "cart"),
                Arguments.of(
                        "an unknown module",
                        RequestBodies.example().set("cart.modules", List.of("PAYROLL")),
                        "cart.modules[0]"),
                Arguments.of(
                        "a repeated module",
                        RequestBodies.example().set("cart.modules", List.of("DOCUMENTI", "DOCUMENTI")),
                        "cart.modules[1]"),
                Arguments.of(
                        "modules that are not a list",
                        RequestBodies.example().set("cart.modules", "DOCUMENTI"),
                        "cart.modules"),
                Arguments.of(
                        "a plan code among the modules",
                        RequestBodies.example().set("cart.modules", List.of("FE")),
                        "cart.modules[0]"),
                Arguments.of(
                        "a module as the cart's plan",
                        RequestBodies.example().set("cart.plan", "DOCUMENTI"),
                        "cart.plan"),
                Arguments.of("negative users", RequestBodies.example().set("cart.users", -1), "cart.users"),
                Arguments.of("fractional users", RequestBodies.example().set("cart.users", 2.5), "cart.users"),
                Arguments.of("users as a string", RequestBodies.example().set("cart.users", "3"), "cart.users"),
                Arguments.of(
                        "users beyond 32 bits", RequestBodies.example().set("cart.users", 2147483648L), "cart.users"),
                Arguments.of(
                        "users far beyond 64 bits",
                        RequestBodies.example().set("cart.users", new java.math.BigInteger("99999999999999999999999")),
                        "cart.users"),
                Arguments.of(
                        "negative account users", RequestBodies.example().set("account.users", -2), "account.users"),
                Arguments.of(
                        "a malformed date",
                        RequestBodies.example().set("evaluationDate", "28/11/2026"),
                        "evaluationDate"),
                Arguments.of(
                        "an impossible date",
                        RequestBodies.example().set("evaluationDate", "2026-02-30"),
                        "evaluationDate"),
                Arguments.of(
                        "a malformed expiry",
                        RequestBodies.example().set("account.expiresOn", "2027-3-31"),
                        "account.expiresOn"),
                Arguments.of(
                        "a date that is a number",
                        RequestBodies.example().set("evaluationDate", 20261128),
                        "evaluationDate"),
                Arguments.of(
                        "a missing platform on the app",
                        RequestBodies.example().set("channel", "MOBILE_APP").remove("platform"),
                        "platform"),
                Arguments.of(
                        "an unknown platform off the app",
                        RequestBodies.example().set("platform", "WINDOWS"),
                        "platform"),
                Arguments.of(
                        "an account without a plan", RequestBodies.example().remove("account.plan"), "account.plan"),
                Arguments.of(
                        "an account without an expiry",
                        RequestBodies.example().remove("account.expiresOn"),
                        "account.expiresOn"),
                Arguments.of(
                        "a repeated active module",
                        RequestBodies.example().set("account.activeModules", List.of("DOCUMENTI", "DOCUMENTI")),
                        "account.activeModules[1]"),
                Arguments.of(
                        "an account that is a string", RequestBodies.example().set("account", "FE"), "account"),
                Arguments.of(
                        "a switch that is a string",
                        RequestBodies.example().set("cart.extendActiveServices", "yes"),
                        "cart.extendActiveServices"),
                Arguments.of(
                        "contacts matched as a number",
                        RequestBodies.example().set("account.contactsMatched", 1),
                        "account.contactsMatched"));
    }

    @ParameterizedTest(name = "{0} is 400 INVALID_REQUEST at {2}")
    @MethodSource("badFields")
    void aBadFieldIsInvalidRequestNamingTheField(String what, RequestBodies body, String field) throws Exception {
        JsonNode error = error(server.post("/api/v1/evaluate", body.json()), 400, "INVALID_REQUEST");
        assertEquals(field, error.get("field").asText());
        assertEquals(field, error.get("details").get(0).get("field").asText());
    }

    @Test
    void everyFieldAtFaultIsListed() throws Exception {
        RequestBodies body = RequestBodies.example()
                .remove("channel")
                .set("cart.users", -1)
                .set("cart.modules[1]", "X")
                .set("extra", true);
        JsonNode error = error(server.post("/api/v1/evaluate", body.json()), 400, "INVALID_REQUEST");
        List<String> fields = new java.util.ArrayList<>();
        error.get("details").forEach(d -> fields.add(d.get("field").asText()));
        assertEquals(
                java.util.Set.of("channel", "cart.users", "cart.modules[1]", "extra"), java.util.Set.copyOf(fields));
        assertEquals(4, fields.size(), error.toString());
    }

    @Test
    void aBodyThatIsJsonButNotAnObjectNamesTheRootAsItsField() throws Exception {
        JsonNode error = error(
                server.postRaw("/api/v1/evaluate", "application/json", "[1,2]".getBytes(StandardCharsets.UTF_8)),
                400,
                "INVALID_REQUEST");
        assertEquals("$", error.get("field").asText());
        assertEquals("$", error.get("details").get(0).get("field").asText());
    }

    static Stream<Arguments> notJson() {
        return Stream.of(
                Arguments.of("plain text", "hello".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("an empty body", new byte[0]),
                Arguments.of(
                        "trailing garbage", "{\"channel\":\"PANEL\",\"cart\":{}} x".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("two documents", "{} {}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of(
                        "duplicate keys",
                        "{\"channel\":\"PANEL\",\"channel\":\"PANEL\",\"cart\":{}}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("an unclosed object", "{\"channel\":".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}),
                Arguments.of("deep nesting", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} is 400 INVALID_JSON")
    @MethodSource("notJson")
    void aBodyThatIsNotJsonIsInvalidJson(String what, byte[] body) throws Exception {
        error(server.postRaw("/api/v1/evaluate", "application/json", body), 400, "INVALID_JSON");
    }

    @Test
    void aBodyOver64KiBIsTooLarge() throws Exception {
        byte[] big = new byte[64 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        error(server.postRaw("/api/v1/evaluate", "application/json", big), 413, "REQUEST_TOO_LARGE");
    }

    @Test
    void sizeIsCheckedBeforeSyntax() throws Exception {
        byte[] big = new byte[70_000];
        Arrays.fill(big, (byte) '{');
        error(server.postRaw("/api/v1/evaluate", "application/json", big), 413, "REQUEST_TOO_LARGE");
    }

    @Test
    void mediaTypeIsCheckedBeforeSize() throws Exception {
        error(server.postRaw("/api/v1/evaluate", "text/plain", new byte[70_000]), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    static Stream<Arguments> mediaTypes() {
        return Stream.of(
                Arguments.of("text/plain", 415),
                Arguments.of("application/x-www-form-urlencoded", 415),
                Arguments.of(null, 415),
                Arguments.of("application/json; charset=iso-8859-1", 415),
                Arguments.of("application/json", 200),
                Arguments.of("application/json; charset=utf-8", 200),
                Arguments.of("Application/JSON;charset=UTF-8", 200));
    }

    @ParameterizedTest(name = "Content-Type {0} gives {1}")
    @MethodSource("mediaTypes")
    void onlyJsonIsAccepted(String type, int status) throws Exception {
        byte[] body = MAPPER.writeValueAsBytes(RequestBodies.example().json());
        HttpResponse<String> response = server.postRaw("/api/v1/evaluate", type, body);
        if (status == 200) {
            assertEquals(200, response.statusCode(), response.body());
        } else {
            error(response, status, "UNSUPPORTED_MEDIA_TYPE");
        }
    }

    @Test
    void anUnknownPathIsNotFound() throws Exception {
        error(server.get("/api/v1/nothing"), 404, "NOT_FOUND");
        error(server.post("/api/v2/evaluate", RequestBodies.example().json()), 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodOnAKnownPathIsMethodNotAllowed() throws Exception {
        error(server.get("/api/v1/evaluate"), 405, "METHOD_NOT_ALLOWED");
        error(server.send("PUT", "/api/v1/evaluate"), 405, "METHOD_NOT_ALLOWED");
        error(server.send("DELETE", "/health"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void theAdminReloadIsNotFoundWhileNoTokenIsConfigured() throws Exception {
        error(server.post("/api/v1/rules/reload", Map.of()), 404, "NOT_FOUND");
    }

    @Test
    void errorsAreInEnglishWhenEnglishIsPreferred() throws Exception {
        JsonNode error = error(server.get("/nothing", "Accept-Language", "en-GB,en;q=0.8,it;q=0.5"), 404, "NOT_FOUND");
        assertEquals("Unknown path: /nothing", error.get("message").asText());
        JsonNode italian =
                error(server.get("/nothing", "Accept-Language", "it-IT,it;q=0.9,en;q=0.8"), 404, "NOT_FOUND");
        assertEquals("Percorso sconosciuto: /nothing", italian.get("message").asText());
        JsonNode field = error(
                server.post(
                        "/api/v1/evaluate",
                        RequestBodies.example().set("cart.users", -1).json(),
                        "Accept-Language",
                        "en"),
                400,
                "INVALID_REQUEST");
        assertEquals(
                "cart.users: must not be negative",
                field.get("details").get(0).get("message").asText());
    }

    @Test
    void aFieldSentAsNullCountsAsLeftOut() throws Exception {
        RequestBodies body = RequestBodies.example()
                .set("cart.users", null)
                .set("cart.extendActiveServices", null)
                .set("account.activeModules", null)
                .set("platform", null);
        HttpResponse<String> response = server.post("/api/v1/evaluate", body.json());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = MAPPER.readTree(response.body());
        assertEquals(2, answer.get("items").size());
        assertEquals("FE_EXTENSION", answer.at("/pricing/lines/1/code").asText(), "the extension defaults to on");
    }

    @Test
    void withoutAnEvaluationDateTodayInRomeIsUsed() throws Exception {
        HttpResponse<String> response = server.post(
                "/api/v1/evaluate",
                RequestBodies.example().remove("evaluationDate").json());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome")).toString(),
                MAPPER.readTree(response.body()).get("evaluationDate").asText());
    }

    @Test
    void healthAndReadinessAnswer() throws Exception {
        HttpResponse<String> health = server.get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("UP", MAPPER.readTree(health.body()).get("status").asText());
        JsonNode ready = MAPPER.readTree(server.get("/ready").body());
        assertEquals("READY", ready.get("status").asText());
        assertEquals(
                server.app().registry().active().version(),
                ready.get("rulesetVersion").asText());
    }

    @Test
    void theCatalogListsProductsWithNamesInBothLanguagesAndPrices() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/catalog");
        assertEquals(200, response.statusCode());
        JsonNode catalog = MAPPER.readTree(response.body());
        assertEquals("0.22", catalog.get("vatRate").asText());
        assertEquals(12, catalog.get("termMonths").asInt());
        assertEquals(10, catalog.get("maxUsers").asInt());
        assertEquals("FE", catalog.at("/plans/0/code").asText());
        assertEquals("25.00", catalog.at("/plans/0/price").asText());
        assertEquals("Electronic Invoicing", catalog.at("/plans/0/name/en").asText());
        assertEquals(4, catalog.get("modules").size());
        assertEquals("MULTIUTENTE", catalog.at("/users/code").asText());
        assertEquals("10.00", catalog.at("/users/price").asText());
    }

    @Test
    void anEvaluationGoesUncompressedEvenToAClientThatAcceptsGzip() throws Exception {
        RequestBodies everything = RequestBodies.example()
                .set("account.activeModules", List.of())
                .set("cart.modules", List.of("INCASSI_PAGAMENTI", "DOCUMENTI", "ORDINI_ELETTRONICI", "WOOCOMMERCE"));
        HttpResponse<String> response =
                server.post("/api/v1/evaluate?explain=true", everything.json(), "Accept-Encoding", "gzip");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Encoding").isEmpty(),
                response.headers().toString());
        assertTrue(
                response.body().length() > 1_500,
                "Javalin's own threshold would have compressed it: "
                        + response.body().length());
        List<String> codes = MAPPER.readTree(response.body()).get("items").findValuesAsText("code");
        assertTrue(
                codes.containsAll(List.of("INCASSI_PAGAMENTI", "DOCUMENTI", "ORDINI_ELETTRONICI", "WOOCOMMERCE")),
                codes.toString());
    }

    @Test
    void theOpenApiDocumentIsStillCompressedForAClientThatAcceptsGzip() throws Exception {
        HttpResponse<String> response = server.get("/openapi.json", "Accept-Encoding", "gzip");

        assertEquals(200, response.statusCode());
        assertEquals(
                "gzip",
                response.headers().firstValue("Content-Encoding").orElse(null),
                response.headers().toString());
    }
}
