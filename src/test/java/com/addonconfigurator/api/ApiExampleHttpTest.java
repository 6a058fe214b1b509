package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.addonconfigurator.JsonShapes;
import com.addonconfigurator.TestRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real server on a free port answers api.md's example request with api.md's example response. */
class ApiExampleHttpTest {
    private static TestServer server;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = TestServer.start(TestRules.FOLDER);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void theApiExampleRequestGetsExactlyTheApiExampleResponse() throws Exception {
        JsonNode request = mapper.readTree(getClass().getResourceAsStream("/api-example/request.json"));
        JsonNode expected = mapper.readTree(getClass().getResourceAsStream("/api-example/response.json"));

        HttpResponse<String> response = server.post("/api/v1/evaluate", request);

        assertEquals(200, response.statusCode());
        JsonNode actual = mapper.readTree(response.body());
        assertEquals(List.of(), JsonShapes.differences(expected, actual));
        assertEquals(
                server.app().registry().active().version(),
                actual.get("rulesetVersion").asText());
        assertEquals(
                actual.get("rulesetVersion").asText(),
                response.headers().firstValue("X-Ruleset-Version").orElse(null));
    }

    @Test
    void explainAddsTheFiredRulesWithTheirFilesAndTheRuleBehindEachDecision() throws Exception {
        JsonNode request = mapper.readTree(getClass().getResourceAsStream("/api-example/request.json"));

        JsonNode actual = mapper.readTree(
                server.post("/api/v1/evaluate?explain=true", request).body());

        JsonNode fired = actual.get("firedRules");
        assertEquals(true, fired.size() > 5, "fired rules: " + fired);
        boolean r8 = false;
        for (JsonNode f : fired) {
            if (f.get("rule").asText().equals("R8 WooCommerce needs Documenti")) {
                assertEquals("dependencies.drl", f.get("file").asText());
                r8 = true;
            }
        }
        assertEquals(true, r8, "R8 among the fired rules");
        assertEquals(
                "R8 WooCommerce needs Documenti",
                actual.at("/items/0/reasons/0/rule").asText());
        assertEquals(
                "R11 The extension is charged at the account plan's price for the months added",
                actual.at("/pricing/lines/2/rule").asText());
        assertEquals(
                "R8 Suggest adding Documenti when it is all WooCommerce lacks",
                actual.at("/suggestions/0/rule").asText());
        assertEquals(
                "R17 Incassi e pagamenti: match contacts and invoices, then the activation wizard",
                actual.at("/nextSteps/0/rule").asText());
    }

    @Test
    void englishIsAnsweredWhenItIsThePreferredLanguage() throws Exception {
        JsonNode request = mapper.readTree(getClass().getResourceAsStream("/api-example/request.json"));

        JsonNode actual = mapper.readTree(server.post("/api/v1/evaluate", request, "Accept-Language", "en-US,en;q=0.9")
                .body());

        assertEquals(
                "WooCommerce can be bought only together with the Documents module.",
                actual.at("/items/0/reasons/0/message").asText());
    }
}
