package com.addonconfigurator.cli;

import com.addonconfigurator.app.AppConfigReader;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetLoadException;
import com.addonconfigurator.rules.RulesetLoader;
import com.addonconfigurator.rules.cache.CompiledRulesCache;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Loads a rules folder for a command, printing its problems as path:line:column: message. */
final class Rulesets {
    private Rulesets() {}

    /** A loader as the service's: the limits and allow-list of the environment's settings. */
    static RulesetLoader loader(Map<String, String> env, CompiledRulesCache cache) {
        return new RulesetLoader(
                Clock.systemUTC(), cache, AppConfigReader.rulesLimits(env), AppConfigReader.allowList(env));
    }

    /** The ruleset, or null after printing why not. */
    static Ruleset load(Path folder, PrintStream err, Map<String, String> env) {
        try {
            return loader(env, CompiledRulesCache.NONE).load(folder);
        } catch (RulesetLoadException e) {
            err.println("cannot build the rules in " + folder + ":");
            e.problems().forEach(p -> err.println(p));
            return null;
        }
    }
}
