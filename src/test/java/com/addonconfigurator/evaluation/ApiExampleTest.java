package com.addonconfigurator.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.addonconfigurator.TestRules;
import com.addonconfigurator.api.Json;
import com.addonconfigurator.catalog.Language;
import com.addonconfigurator.rules.RuleEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ApiExampleTest {
    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void theApiExampleRequestGivesTheApiExampleResponse() throws Exception {
        JsonNode request = mapper.readTree(getClass().getResourceAsStream("/api-example/request.json"));
        EvaluationService service = new EvaluationService(TestRules::project, new RuleEngine(10_000), Clock.systemUTC());
        JsonNode actual = mapper.valueToTree(service.evaluate(request, Language.IT, true));
        System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
        assertEquals("2026-11-28", actual.get("evaluationDate").asText());
    }
}
