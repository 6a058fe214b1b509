package com.addonconfigurator.cli;

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

    String get(String option, String dflt) {
        return options.getOrDefault(option, dflt);
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
