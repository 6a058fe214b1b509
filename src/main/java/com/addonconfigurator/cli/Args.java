package com.addonconfigurator.cli;

import com.addonconfigurator.app.AppConfigReader;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.RulesWatchdog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line arguments: options with a value ({@code --rules DIR}) and positional arguments. */
final class Args {
    final List<String> positional = new ArrayList<>();
    final Map<String, String> options = new HashMap<>();

    static Args parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        Args out = new Args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (valued.contains(a)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(a + " needs a value");
                }
                out.options.put(a, args.get(++i));
            } else if (flags.contains(a)) {
                out.options.put(a, "true");
            } else if (a.startsWith("--") || (a.startsWith("-") && a.length() > 1)) {
                throw new UsageException("unknown option " + a);
            } else {
                out.positional.add(a);
            }
        }
        return out;
    }

    /** The option that sets the firing limit of every command that evaluates. */
    static final String FIRING_LIMIT = "--firing-limit";

    String get(String option, String dflt) {
        return options.getOrDefault(option, dflt);
    }

    /** --rules, else RULES_DIR, else the default folder. */
    Path rulesDir(Map<String, String> env) {
        String given = options.get("--rules");
        return given != null ? Path.of(given) : AppConfigReader.rulesDir(env);
    }

    /** The time limit a reload runs the scenarios under: RULES_TIME_LIMIT_MS, else the default. */
    private static RulesWatchdog watchdog(Map<String, String> env) {
        return new RulesWatchdog(Duration.ofMillis(AppConfigReader.rulesTimeLimitMs(env)));
    }

    /** A rule engine with the firing limit of --firing-limit, else RULES_FIRING_LIMIT, else the default. */
    RuleEngine engine(Map<String, String> env) throws UsageException {
        try {
            String given = options.get(FIRING_LIMIT);
            if (given == null) {
                return new RuleEngine(AppConfigReader.firingLimit(env), watchdog(env), null);
            }
            int limit = Integer.parseInt(given.trim());
            if (limit < 1) {
                throw new UsageException(FIRING_LIMIT + " must be at least 1, not " + given);
            }
            return new RuleEngine(limit, watchdog(env), null);
        } catch (NumberFormatException e) {
            throw new UsageException(FIRING_LIMIT + " must be a whole number, not '" + options.get(FIRING_LIMIT) + "'");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
