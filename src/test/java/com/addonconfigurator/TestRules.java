package com.addonconfigurator;

import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetLoadException;
import com.addonconfigurator.rules.RulesetLoader;
import java.nio.file.Path;
import java.time.Clock;

/** The project's own rules folder, compiled once for the test JVM (a ruleset is immutable). */
public final class TestRules {
    public static final Path FOLDER = Path.of("rules");
    private static final Ruleset PROJECT = load();

    private TestRules() {}

    public static Ruleset project() {
        return PROJECT;
    }

    private static Ruleset load() {
        try {
            return new RulesetLoader(Clock.systemUTC()).load(FOLDER);
        } catch (RulesetLoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
