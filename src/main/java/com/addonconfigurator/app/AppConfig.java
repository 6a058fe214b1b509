package com.addonconfigurator.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service's configuration, read only from environment variables (see the README):
 *
 * @param port             PORT, default 8080 (0: any free port)
 * @param rulesDir         RULES_DIR, default ./rules
 * @param adminToken       ADMIN_TOKEN, default none (admin endpoints answer 404)
 * @param firingLimit      RULES_FIRING_LIMIT, default 10000 firings per evaluation
 * @param scenarioGate     RELOAD_SCENARIO_GATE, default true: a reload must pass rules/scenarios
 * @param watch            RULES_WATCH, default true: reload when the rules folder changes
 * @param watchDebounceMs  RULES_WATCH_DEBOUNCE_MS, default 300
 */
public record AppConfig(int port, Path rulesDir, String adminToken, int firingLimit, boolean scenarioGate,
                        boolean watch, long watchDebounceMs) {

    public static AppConfig defaults(Path rulesDir) {
        return new AppConfig(0, rulesDir, null, 10_000, true, false, 300);
    }

    public AppConfig withAdminToken(String token) {
        return new AppConfig(port, rulesDir, token, firingLimit, scenarioGate, watch, watchDebounceMs);
    }

    public AppConfig withWatch(boolean on) {
        return new AppConfig(port, rulesDir, adminToken, firingLimit, scenarioGate, on, watchDebounceMs);
    }

    public AppConfig withFiringLimit(int limit) {
        return new AppConfig(port, rulesDir, adminToken, limit, scenarioGate, watch, watchDebounceMs);
    }

    public AppConfig withScenarioGate(boolean on) {
        return new AppConfig(port, rulesDir, adminToken, firingLimit, on, watch, watchDebounceMs);
    }

    /** Reads the environment; every invalid value is named in the exception's message. */
    public static AppConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        int port = integer(env, "PORT", 8080, 0, 65535, problems);
        Path rules = Path.of(env.getOrDefault("RULES_DIR", "./rules"));
        String token = env.get("ADMIN_TOKEN");
        if (token != null && !token.isEmpty() && token.length() < 16) {
            problems.add("ADMIN_TOKEN must be at least 16 characters long");
        }
        int limit = integer(env, "RULES_FIRING_LIMIT", 10_000, 1, Integer.MAX_VALUE, problems);
        boolean gate = bool(env, "RELOAD_SCENARIO_GATE", true, problems);
        boolean watch = bool(env, "RULES_WATCH", true, problems);
        int debounce = integer(env, "RULES_WATCH_DEBOUNCE_MS", 300, 0, 60_000, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new AppConfig(port, rules, token == null || token.isEmpty() ? null : token, limit, gate, watch, debounce);
    }

    private static int integer(Map<String, String> env, String name, int dflt, int min, int max, List<String> problems) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                problems.add(name + " must be between " + min + " and " + max + ", not " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number, not '" + raw + "'");
            return dflt;
        }
    }

    private static boolean bool(Map<String, String> env, String name, boolean dflt, List<String> problems) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        return switch (raw.trim().toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                problems.add(name + " must be true or false, not '" + raw + "'");
                yield dflt;
            }
        };
    }
}
