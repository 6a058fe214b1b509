package com.addonconfigurator.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads settings from environment variables, collecting every invalid value with its name. */
final class Environment {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    Environment(Map<String, String> env) {
        this.env = env;
    }

    /** The variable's value, or null when unset or blank. */
    String text(String name) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    boolean isBlankButSet(String name) {
        return env.containsKey(name) && env.get(name).isBlank();
    }

    int integer(String name, int dflt, int min, int max) {
        String raw = text(name);
        if (raw == null) {
            return dflt;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                problem(name + " must be between " + min + " and " + max + ", not " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            problem(name + " must be a whole number, not '" + raw + "'");
            return dflt;
        }
    }

    boolean bool(String name, boolean dflt) {
        String raw = text(name);
        if (raw == null) {
            return dflt;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                problem(name + " must be true or false, not '" + raw + "'");
                yield dflt;
            }
        };
    }

    /** A number from 0 to 1 such as 0.1; {@code dflt} when unset. */
    double fraction(String name, double dflt) {
        String raw = text(name);
        if (raw == null) {
            return dflt;
        }
        try {
            double value = Double.parseDouble(raw);
            if (!(value >= 0 && value <= 1)) {
                problem(name + " must be between 0 and 1, not " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            problem(name + " must be a number between 0 and 1 such as 0.1, not '" + raw + "'");
            return dflt;
        }
    }

    /** An ISO-8601 duration such as PT30M or P400D, positive; {@code dflt} when unset. */
    Duration duration(String name, Duration dflt) {
        String raw = text(name);
        if (raw == null) {
            return dflt;
        }
        try {
            Duration value = Duration.parse(raw);
            if (value.isNegative() || value.isZero()) {
                problem(name + " must be a positive duration, not " + raw);
            }
            return value;
        } catch (DateTimeParseException e) {
            problem(name + " must be an ISO-8601 duration such as PT30M or P400D, not '" + raw + "'");
            return dflt;
        }
    }

    /** One setting read on its own: its value, or an IllegalArgumentException naming what is wrong. */
    static <T> T readOne(Map<String, String> env, java.util.function.Function<Environment, T> read) {
        Environment environment = new Environment(env);
        T value = read.apply(environment);
        environment.requireValid();
        return value;
    }

    void problem(String message) {
        problems.add(message);
    }

    /** Throws an IllegalArgumentException naming every invalid value read so far. */
    void requireValid() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }
}
