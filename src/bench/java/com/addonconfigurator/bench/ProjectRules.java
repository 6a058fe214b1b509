package com.addonconfigurator.bench;

import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetLoadException;
import com.addonconfigurator.rules.RulesetLoader;
import java.nio.file.Path;
import java.time.Clock;

/** The rules the benchmarks and probes run, loaded as the service loads them, and a service on them. */
final class ProjectRules {
    private ProjectRules() {}

    /** The project's rules folder, or the one given with {@code -Drules=folder}. */
    static Path folder() {
        return Path.of(System.getProperty("rules", "rules"));
    }

    static Ruleset load(Path folder) throws RulesetLoadException {
        return new RulesetLoader(Clock.systemUTC()).load(folder);
    }

    static EvaluationService serviceOn(Ruleset ruleset, RuleEngine engine) {
        return new EvaluationService(() -> ruleset, engine, Clock.systemUTC());
    }
}
