package com.addonconfigurator.scenarios;

import com.addonconfigurator.TestRules;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/** QA's scenarios in rules/scenarios: each file a container, each scenario its own test. */
class ProjectScenariosTest {
    private static final Path FOLDER = TestRules.FOLDER.resolve("scenarios");

    @TestFactory
    Stream<DynamicNode> everyScenarioOfTheProjectPasses() throws IOException {
        Ruleset ruleset = TestRules.project();
        ScenarioRunner runner = new ScenarioRunner(new RuleEngine(RuleEngine.DEFAULT_FIRING_LIMIT), Clock.systemUTC());
        ScenarioReader reader = new ScenarioReader();
        List<Path> files = ScenarioReader.files(FOLDER);
        if (files.isEmpty()) {
            throw new AssertionFailedError("no scenario files in " + FOLDER);
        }
        return files.stream().map(file -> {
            String display = "scenarios/" + FOLDER.relativize(file);
            try {
                List<Scenario> scenarios = reader.read(file, display);
                return DynamicContainer.dynamicContainer(
                        display,
                        file.toUri(),
                        scenarios.stream()
                                .map(s -> DynamicTest.dynamicTest(s.name(), file.toUri(), () -> {
                                    ScenarioResult result = runner.run(ruleset, s);
                                    if (!result.passed()) {
                                        throw new AssertionFailedError(
                                                Report.failure(result),
                                                Report.yaml(s.expect()),
                                                Report.yaml(Expectations.project(s.expect(), result.actual())));
                                    }
                                })));
            } catch (ScenarioFileException e) {
                return DynamicTest.dynamicTest(display, file.toUri(), () -> {
                    throw new AssertionFailedError(e.getMessage());
                });
            }
        });
    }
}
