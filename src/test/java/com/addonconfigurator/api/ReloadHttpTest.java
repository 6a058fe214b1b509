package com.addonconfigurator.api;

import static com.addonconfigurator.api.HttpContractTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.app.AppConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /api/v1/rules/reload and GET /api/v1/rules: a broken folder never replaces the working ruleset. */
class ReloadHttpTest {
    private static final String TOKEN = "s3cret-admin-token-for-tests";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path temp;

    private RulesCopy rules;
    private TestServer server;

    @BeforeEach
    void start() {
        rules = RulesCopy.into(temp.resolve("rules"));
        server = TestServer.start(AppConfig.defaults(rules.folder()).withAdminToken(TOKEN), true);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> reload(String token) throws Exception {
        return server.post("/api/v1/rules/reload", Map.of(), "Authorization", "Bearer " + token);
    }

    /** What the analyst breaks, the file and the text on the line the problem must point at (null: no line). */
    record Breakage(String what, Consumer<RulesCopy> edit, String file, String lineText) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                Arguments.of(new Breakage(
                        "a syntax error",
                        r -> r.replace("cart.drl", "    not Reason( item == $code )", "    not Reason( item == )"),
                        "cart.drl",
                        "not Reason( item == )")),
                Arguments.of(new Breakage(
                        "an unknown fact field",
                        r -> r.replace(
                                "next-steps.drl",
                                "Accepted( code == \"WOOCOMMERCE\", $code : code )",
                                "Accepted( colour == \"WOOCOMMERCE\", $code : code )"),
                        "next-steps.drl",
                        "colour ==")),
                Arguments.of(new Breakage(
                        "a forbidden call",
                        r -> r.replace(
                                "next-steps.drl",
                                "insert(new NextStep($code, 1, \"CONNECT_ONLINE_SHOP\", false));",
                                "insert(new NextStep($code, 1, \"CONNECT_ONLINE_SHOP\", false));\n    System.exit(3);"),
                        "next-steps.drl",
                        "System.exit(3)")),
                Arguments.of(new Breakage(
                        "a broken catalog",
                        r -> r.replace("catalog.yaml", "vatRate: \"0.22\"", "vatRate: [oops]"),
                        "catalog.yaml",
                        "vatRate:")),
                Arguments.of(new Breakage(
                        "a failing scenario",
                        r -> r.replace(
                                "catalog.yaml",
                                "price: \"30.00\"     # *\n  - code: DOCUMENTI",
                                "price: \"31.00\"\n  - code: DOCUMENTI"),
                        "scenarios/term-and-pricing.yaml",
                        null)));
    }

    @ParameterizedTest(name = "{0} leaves the old ruleset answering and is reported where it is")
    @MethodSource("breakages")
    void aBrokenFolderLeavesTheOldRulesetAnswering(Breakage breakage) throws Exception {
        String before = server.app().registry().active().version();
        breakage.edit().accept(rules);

        HttpResponse<String> response = reload(TOKEN);

        JsonNode error = error(response, 422, "RULES_REJECTED");
        assertEquals(before, error.get("activeVersion").asText());
        HttpResponse<String> evaluated =
                server.post("/api/v1/evaluate", RequestBodies.example().json());
        assertEquals(200, evaluated.statusCode());
        assertEquals(
                before, MAPPER.readTree(evaluated.body()).get("rulesetVersion").asText());

        JsonNode rulesInfo = MAPPER.readTree(server.get("/api/v1/rules").body());
        assertEquals(before, rulesInfo.get("version").asText());
        JsonNode last = rulesInfo.get("lastReload");
        assertEquals("FAILED", last.get("status").asText());
        if (breakage.lineText() != null) {
            JsonNode problem = last.get("problems").get(0);
            assertEquals(breakage.file(), problem.get("file").asText(), problem.toString());
            assertEquals(
                    rules.lineOf(breakage.file(), breakage.lineText()),
                    problem.get("line").asInt(),
                    problem.toString());
            assertFalse(problem.get("message").asText().isBlank());
        } else {
            JsonNode failing = last.get("failingScenarios");
            boolean named = false;
            for (JsonNode f : failing) {
                if (f.get("file").asText().equals(breakage.file())
                        && f.get("scenario")
                                .asText()
                                .equals("R10 R14 R15 a new FE with Documenti free, a module and users")) {
                    assertTrue(f.get("differences").get(0).asText().contains("31.00"), f.toString());
                    named = true;
                }
            }
            assertTrue(named, "the failing scenario is named with its file: " + failing);
        }
    }

    @Test
    void aGoodEditGoesLiveWithANewVersion() throws Exception {
        String before = server.app().registry().active().version();
        rules.replace(
                "messages.yaml",
                "Il modulo {item} è già attivo sul tuo account.",
                "{item} è già attivo: non serve riacquistarlo.");

        HttpResponse<String> response = reload(TOKEN);

        assertEquals(200, response.statusCode(), response.body());
        String after = MAPPER.readTree(response.body()).get("version").asText();
        assertNotEquals(before, after);
        HttpResponse<String> evaluated = server.post(
                "/api/v1/evaluate",
                RequestBodies.example()
                        .set("cart.modules", java.util.List.of("ORDINI_ELETTRONICI"))
                        .json());
        assertEquals(
                after, evaluated.headers().firstValue(HttpApi.VERSION_HEADER).orElse(null));
        assertEquals(
                "Ordini elettronici è già attivo: non serve riacquistarlo.",
                MAPPER.readTree(evaluated.body())
                        .at("/items/0/reasons/0/message")
                        .asText());
    }

    @Test
    void aWrongOrMissingTokenIsUnauthorized() throws Exception {
        error(reload("wrong-token"), 401, "UNAUTHORIZED");
        error(server.post("/api/v1/rules/reload", Map.of()), 401, "UNAUTHORIZED");
        error(server.post("/api/v1/rules/reload", Map.of(), "Authorization", TOKEN), 401, "UNAUTHORIZED");
    }

    @Test
    void theRulesEndpointListsTheActiveFilesWithTheirRules() throws Exception {
        JsonNode info = MAPPER.readTree(server.get("/api/v1/rules").body());
        assertEquals(
                server.app().registry().active().version(), info.get("version").asText());
        assertFalse(info.get("loadedAt").asText().isBlank());
        boolean found = false;
        for (JsonNode file : info.get("files")) {
            if (file.get("path").asText().equals("dependencies.drl")) {
                assertEquals(
                        "R8 WooCommerce needs Documenti",
                        file.get("rules").get(0).asText());
                found = true;
            }
        }
        assertTrue(found, info.toString());
        assertEquals("LOADED", info.at("/lastReload/status").asText());
    }
}
