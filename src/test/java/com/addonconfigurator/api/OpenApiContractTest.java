package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.TestRules;
import com.addonconfigurator.catalog.Catalog;
import com.addonconfigurator.catalog.Product;
import com.addonconfigurator.messages.ErrorMessages;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.scenarios.Scenario;
import com.addonconfigurator.scenarios.ScenarioReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly what the service does: real answers are validated against it. */
class OpenApiContractTest {
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

    private static List<Scenario> scenarios() throws Exception {
        List<Scenario> out = new ArrayList<>();
        Path folder = TestRules.FOLDER.resolve("scenarios");
        for (Path file : ScenarioReader.files(folder)) {
            out.addAll(new ScenarioReader().read(file, file.getFileName().toString()));
        }
        return out;
    }

    @Test
    void theServedDocumentIsTheOneInTheJar() throws Exception {
        HttpResponse<String> response = server.get("/openapi.json");
        assertEquals(200, response.statusCode());
        assertEquals(OpenApiSchemas.document(), MAPPER.readTree(response.body()));
        assertEquals("3.1.0", OpenApiSchemas.document().get("openapi").asText());
    }

    @Test
    void everyScenariosAnswerAndOptionsMatchTheSchemas() throws Exception {
        List<Scenario> scenarios = scenarios();
        assertTrue(scenarios.size() > 10);
        for (Scenario s : scenarios) {
            HttpResponse<String> answer =
                    server.post("/api/v1/evaluate?explain=true", s.given(), "Accept-Language", s.language());
            OpenApiSchemas.assertValid(answer.statusCode() == 200 ? "EvaluateResponse" : "Error", answer.body());
            HttpResponse<String> plain = server.post("/api/v1/evaluate", s.given());
            OpenApiSchemas.assertValid(plain.statusCode() == 200 ? "EvaluateResponse" : "Error", plain.body());
            HttpResponse<String> options = server.post("/api/v1/options", s.given());
            OpenApiSchemas.assertValid(options.statusCode() == 200 ? "OptionsResponse" : "Error", options.body());
        }
    }

    @Test
    void theApiMdExampleInTheDocumentIsValidAgainstItsOwnSchemas() {
        JsonNode doc = OpenApiSchemas.document();
        OpenApiSchemas.assertValid("EvaluateRequest", doc.at("/components/schemas/EvaluateRequest/examples/0"));
        OpenApiSchemas.assertValid("EvaluateResponse", doc.at("/components/schemas/EvaluateResponse/examples/0"));
        OpenApiSchemas.assertValid("Error", doc.at("/components/schemas/Error/examples/0"));
        OpenApiSchemas.assertValid(
                "QuoteRequest", doc.at("/paths/~1api~1v1~1quotes/post/requestBody/content/application~1json/example"));
    }

    @Test
    void anAnswerThatDriftsFromTheDocumentIsCaught() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode answer =
                (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(
                        server.post("/api/v1/evaluate", RequestBodies.example().json())
                                .body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer.get("pricing")).put("net", 76.67);
        answer.put("surprise", true);
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(
                AssertionError.class, () -> OpenApiSchemas.assertValid("EvaluateResponse", answer));
        assertTrue(e.getMessage().contains("net") && e.getMessage().contains("surprise"), e.getMessage());
    }

    @Test
    void theOtherEndpointsMatchTheirSchemas() throws Exception {
        OpenApiSchemas.assertValid("Catalog", server.get("/api/v1/catalog").body());
        OpenApiSchemas.assertValid("RulesInfo", server.get("/api/v1/rules").body());
        OpenApiSchemas.assertValid("Health", server.get("/health").body());
        OpenApiSchemas.assertValid("Ready", server.get("/ready").body());
    }

    @Test
    void eachErrorClassMatchesTheErrorSchema() throws Exception {
        List<HttpResponse<String>> errors = List.of(
                server.postRaw("/api/v1/evaluate", "application/json", "{".getBytes(StandardCharsets.UTF_8)),
                server.post(
                        "/api/v1/evaluate",
                        RequestBodies.example().set("cart.users", -1).json()),
                server.postRaw("/api/v1/evaluate", "application/json", "[]".getBytes(StandardCharsets.UTF_8)),
                server.get("/nothing"),
                server.get("/api/v1/evaluate"),
                server.postRaw("/api/v1/evaluate", "application/json", new byte[70_000]),
                server.postRaw("/api/v1/evaluate", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)),
                server.post("/api/v1/rules/reload", Map.of()));
        Set<Integer> statuses = new TreeSet<>();
        for (HttpResponse<String> e : errors) {
            statuses.add(e.statusCode());
            OpenApiSchemas.assertValid("Error", e.body());
        }
        assertEquals(Set.of(400, 404, 405, 413, 415), statuses);
    }

    @Test
    void theEnumsNameEveryCodeTheRulesAndTheCatalogKnow() {
        Ruleset ruleset = TestRules.project();
        Map<String, String> sectionToEnum = Map.of(
                "reasons",
                "ReasonCode",
                "steps",
                "StepCode",
                "warnings",
                "WarningCode",
                "suggestions",
                "SuggestionAction",
                "promotions",
                "PromotionCode");
        sectionToEnum.forEach((section, enumName) -> assertEquals(
                new TreeSet<>(ruleset.messages().sections().get(section).keySet()),
                OpenApiSchemas.enumOf(enumName),
                enumName));
        assertEquals(codes(ruleset.catalog().productsOfKind(Catalog.PLAN)), OpenApiSchemas.enumOf("PlanCode"));
        assertEquals(codes(ruleset.catalog().productsOfKind(Catalog.MODULE)), OpenApiSchemas.enumOf("ModuleCode"));
        assertEquals(
                new TreeSet<>(ErrorMessages.load().sections().get("errors").keySet()),
                OpenApiSchemas.enumOf("ErrorCode"));
    }

    @Test
    void everyOperationHasAnIdASummaryAndAnErrorResponse() {
        JsonNode paths = OpenApiSchemas.document().get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            var path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                assertTrue(op.getValue().has("operationId"), path.getKey());
                assertTrue(op.getValue().has("summary"), path.getKey());
                assertTrue(
                        op.getValue().get("responses").has("405")
                                || op.getValue().get("responses").has("400")
                                || op.getValue().get("responses").has("401"),
                        path.getKey());
            }
        }
    }

    private static Set<String> codes(List<Product> products) {
        return products.stream().map(Product::code).collect(Collectors.toCollection(TreeSet::new));
    }
}
