package com.addonconfigurator.scenarios;

import com.addonconfigurator.rules.ReloadAttempt;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A candidate ruleset becomes active only when every scenario of its folder's scenarios/ passes. */
public final class ScenarioGate implements RulesetRegistry.Gate {
    private final ScenarioRunner runner;

    public ScenarioGate(RuleEngine engine, Clock clock) {
        this.runner = new ScenarioRunner(engine, clock, false);
    }

    @Override
    public List<ReloadAttempt.ScenarioFailure> check(Ruleset candidate, Path folder) {
        return runner.runFolder(candidate, folder.resolve("scenarios"), "scenarios/").stream()
                .filter(r -> !r.passed())
                .map(r -> new ReloadAttempt.ScenarioFailure(r.file(), r.name(), r.differences()))
                .toList();
    }
}
