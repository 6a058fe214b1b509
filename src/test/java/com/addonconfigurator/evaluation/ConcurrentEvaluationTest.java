package com.addonconfigurator.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.addonconfigurator.TestRules;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.scenarios.Scenario;
import com.addonconfigurator.scenarios.ScenarioReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Eight threads evaluating different carts each get the answer they get alone. */
class ConcurrentEvaluationTest {
    @Test
    void eightThreadsGetTheAnswersTheyGetAlone() throws Exception {
        EvaluationService service = new EvaluationService(
                TestRules::project, new RuleEngine(RuleEngine.DEFAULT_FIRING_LIMIT), Clock.systemUTC());
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : ScenarioReader.files(TestRules.FOLDER.resolve("scenarios"))) {
            scenarios.addAll(new ScenarioReader().read(file, file.toString()));
        }
        scenarios.removeIf(s -> s.expect().has("error"));
        List<String> alone = new ArrayList<>();
        for (Scenario s : scenarios) {
            alone.add(mapper.writeValueAsString(service.evaluate(s.given(), Language.IT, true)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 150; i++) {
                        int k = (offset * 7 + i) % scenarios.size();
                        String answer = mapper.writeValueAsString(
                                service.evaluate(scenarios.get(k).given(), Language.IT, true));
                        assertEquals(alone.get(k), answer, scenarios.get(k).name());
                        checked++;
                    }
                    return checked;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            assertEquals(8 * 150, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
