package com.addonconfigurator.scenarios;

import com.addonconfigurator.rules.ReloadAttempt;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A candidate ruleset becomes active only when every scenario passes against it. */
public final class ScenarioGate implements RulesetRegistry.Gate {
    private final ScenarioRunner runner;
    private final Path scenarios;

    /** Gates on the scenarios/ folder of the rules folder being loaded. */
    public ScenarioGate(RuleEngine engine, Clock clock) {
        this(engine, clock, null);
    }

    /** @param scenarios the scenarios folder; null: the rules folder's scenarios/ */
    public ScenarioGate(RuleEngine engine, Clock clock, Path scenarios) {
        this.runner = new ScenarioRunner(engine, clock, false);
        this.scenarios = scenarios;
    }

    @Override
    public List<ReloadAttempt.ScenarioFailure> check(Ruleset candidate, Path folder) {
        Path dir = scenarios != null ? scenarios : folder.resolve("scenarios");
        return runner.runFolder(candidate, dir, "scenarios/").stream()
                .filter(r -> !r.passed())
                .map(r -> new ReloadAttempt.ScenarioFailure(r.file(), r.name(), r.differences()))
                .toList();
    }
}
