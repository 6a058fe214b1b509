package com.addonconfigurator.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

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
        return parsed(
                name, dflt, Double::parseDouble, v -> v >= 0 && v <= 1, "between 0 and 1", "a number such as 0.1");
    }

    /** An ISO-8601 duration such as PT30M or P400D, positive; {@code dflt} when unset. */
    Duration duration(String name, Duration dflt) {
        return parsed(
                name,
                dflt,
                Duration::parse,
                v -> !v.isNegative() && !v.isZero(),
                "a positive duration",
                "an ISO-8601 duration such as PT30M or P400D");
    }

    /**
     * A value read by {@code parse}; {@code dflt} when unset, and a problem naming the variable when
     * it cannot be read ({@code form} says what it must look like) or is out of {@code range}.
     */
    private <T> T parsed(
            String name, T dflt, Function<String, T> parse, Predicate<T> inRange, String range, String form) {
        String raw = text(name);
        if (raw == null) {
            return dflt;
        }
        try {
            T value = parse.apply(raw);
            if (!inRange.test(value)) {
                problem(name + " must be " + range + ", not " + raw);
            }
            return value;
        } catch (RuntimeException e) {
            problem(name + " must be " + form + ", not '" + raw + "'");
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
