package com.addonconfigurator.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The service's configuration, read only from environment variables (the README lists each with
 * its default).
 *
 * @param port                     PORT, default 8080 (0: any free port)
 * @param rulesDir                 RULES_DIR, default ./rules
 * @param adminToken               ADMIN_TOKEN, default none (admin endpoints answer 404)
 * @param firingLimit              RULES_FIRING_LIMIT, default 10000 firings per evaluation
 * @param scenarioGate             RELOAD_SCENARIO_GATE, default true: a reload must pass rules/scenarios
 * @param watch                    RULES_WATCH, default true: reload when the rules folder changes
 * @param watchDebounceMs          RULES_WATCH_DEBOUNCE_MS, default 300
 * @param maxConcurrentEvaluations MAX_CONCURRENT_EVALUATIONS, default 64: beyond, 503 OVERLOADED
 * @param idleTimeoutMs            REQUEST_IDLE_TIMEOUT_MS, default 10000: a client silent that long is cut off
 * @param shutdownTimeoutMs        SHUTDOWN_TIMEOUT_MS, default 10000: how long requests in flight may finish
 * @param allowedOrigins           ALLOWED_ORIGINS, comma-separated, default none (CORS off)
 * @param logFormat                LOG_FORMAT, text (default) or json
 * @param scenariosDir             SCENARIOS_DIR, default RULES_DIR/scenarios: the scenarios a reload must pass
 * @param httpThreads              HTTP_THREADS, default 4 per core, at least 8: the threads serving requests
 * @param rulesCacheDir            RULES_CACHE_DIR, default addon-configurator-rules-cache in the system's
 *                                 temporary folder: where compiled rules, and which rules folders passed
 *                                 their scenarios, are kept for the next start; "off" (null here): nowhere
 */
public record AppConfig(int port, Path rulesDir, String adminToken, int firingLimit, boolean scenarioGate,
                        boolean watch, long watchDebounceMs, int maxConcurrentEvaluations, long idleTimeoutMs,
                        long shutdownTimeoutMs, List<String> allowedOrigins, String logFormat, Path scenariosDir,
                        int httpThreads, Path rulesCacheDir) {

    /** For tests and embedding: any free port, no watching, a short shutdown. */
    public static AppConfig defaults(Path rulesDir) {
        return new AppConfig(0, rulesDir, null, 10_000, true, false, 300, 64, 10_000, 2_000, List.of(), "text",
                rulesDir.resolve("scenarios"), defaultHttpThreads(), null);
    }

    public AppConfig withAdminToken(String token) {
        return new AppConfig(port, rulesDir, token, firingLimit, scenarioGate, watch, watchDebounceMs,
                maxConcurrentEvaluations, idleTimeoutMs, shutdownTimeoutMs, allowedOrigins, logFormat, scenariosDir, httpThreads, rulesCacheDir);
    }

    public AppConfig withWatch(boolean on) {
        return new AppConfig(port, rulesDir, adminToken, firingLimit, scenarioGate, on, watchDebounceMs,
                maxConcurrentEvaluations, idleTimeoutMs, shutdownTimeoutMs, allowedOrigins, logFormat, scenariosDir, httpThreads, rulesCacheDir);
    }

    public AppConfig withFiringLimit(int limit) {
        return new AppConfig(port, rulesDir, adminToken, limit, scenarioGate, watch, watchDebounceMs,
                maxConcurrentEvaluations, idleTimeoutMs, shutdownTimeoutMs, allowedOrigins, logFormat, scenariosDir, httpThreads, rulesCacheDir);
    }

    public AppConfig withLimits(int maxConcurrent, long idleTimeout) {
        return new AppConfig(port, rulesDir, adminToken, firingLimit, scenarioGate, watch, watchDebounceMs,
                maxConcurrent, idleTimeout, shutdownTimeoutMs, allowedOrigins, logFormat, scenariosDir, httpThreads, rulesCacheDir);
    }

    public AppConfig withAllowedOrigins(List<String> origins) {
        return new AppConfig(port, rulesDir, adminToken, firingLimit, scenarioGate, watch, watchDebounceMs,
                maxConcurrentEvaluations, idleTimeoutMs, shutdownTimeoutMs, List.copyOf(origins), logFormat, scenariosDir, httpThreads, rulesCacheDir);
    }

    /** RULES_CACHE_DIR: a folder, or "off"; by default one in the system's temporary folder. */
    public static Path rulesCacheDir(Map<String, String> env) {
        String raw = env.get("RULES_CACHE_DIR");
        if (raw == null || raw.isBlank()) {
            return Path.of(System.getProperty("java.io.tmpdir"), "addon-configurator-rules-cache");
        }
        return raw.trim().equalsIgnoreCase("off") ? null : Path.of(raw.trim());
    }

    /** Four threads per core, at least eight: an evaluation never waits on I/O, so more only switch. */
    public static int defaultHttpThreads() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** Reads the environment; every invalid value is named in the exception's message. */
    public static AppConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        int port = integer(env, "PORT", 8080, 0, 65535, problems);
        String rulesDir = env.getOrDefault("RULES_DIR", "./rules");
        if (rulesDir.isBlank()) {
            problems.add("RULES_DIR must name a folder");
            rulesDir = "./rules";
        }
        String token = env.get("ADMIN_TOKEN");
        if (token != null && !token.isEmpty() && token.length() < 16) {
            problems.add("ADMIN_TOKEN must be at least 16 characters long");
        }
        int limit = integer(env, "RULES_FIRING_LIMIT", 10_000, 1, Integer.MAX_VALUE, problems);
        boolean gate = bool(env, "RELOAD_SCENARIO_GATE", true, problems);
        boolean watch = bool(env, "RULES_WATCH", true, problems);
        int debounce = integer(env, "RULES_WATCH_DEBOUNCE_MS", 300, 0, 60_000, problems);
        int concurrent = integer(env, "MAX_CONCURRENT_EVALUATIONS", 64, 1, 100_000, problems);
        int idle = integer(env, "REQUEST_IDLE_TIMEOUT_MS", 10_000, 100, 600_000, problems);
        int shutdown = integer(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000, problems);
        int threads = integer(env, "HTTP_THREADS", defaultHttpThreads(), 4, 1_000, problems);
        List<String> origins = new ArrayList<>();
        for (String origin : Arrays.asList(env.getOrDefault("ALLOWED_ORIGINS", "").split(","))) {
            String o = origin.trim();
            if (o.isEmpty()) {
                continue;
            }
            if (!o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                problems.add("ALLOWED_ORIGINS: '" + o + "' is not an origin like https://shop.example.com");
            }
            origins.add(o);
        }
        String logFormat = env.getOrDefault("LOG_FORMAT", "text").trim().toLowerCase();
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            problems.add("LOG_FORMAT must be text or json, not '" + env.get("LOG_FORMAT") + "'");
        }
        String scenarios = env.get("SCENARIOS_DIR");
        Path cache = rulesCacheDir(env);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Path rules = Path.of(rulesDir);
        return new AppConfig(port, rules, token == null || token.isEmpty() ? null : token, limit, gate, watch,
                debounce, concurrent, idle, shutdown, List.copyOf(origins), logFormat,
                scenarios == null || scenarios.isBlank() ? rules.resolve("scenarios") : Path.of(scenarios), threads, cache);
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
