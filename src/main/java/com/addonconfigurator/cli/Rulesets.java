package com.addonconfigurator.cli;

import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetLoadException;
import com.addonconfigurator.rules.RulesetLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/** Loads a rules folder for a command, printing its problems as path:line:column: message. */
final class Rulesets {
    private Rulesets() {}

    /** The ruleset, or null after printing why not. */
    static Ruleset load(Path folder, PrintStream err) {
        try {
            return new RulesetLoader(Clock.systemUTC()).load(folder);
        } catch (RulesetLoadException e) {
            err.println("cannot build the rules in " + folder + ":");
            e.problems().forEach(p -> err.println(p));
            return null;
        }
    }
}
