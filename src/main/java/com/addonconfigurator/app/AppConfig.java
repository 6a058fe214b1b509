package com.addonconfigurator.app;

import com.addonconfigurator.rules.AllowList;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.RulesFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The service's configuration, read only from environment variables (the README lists each with
 * its default).
 *
 * @param port                     PORT, default 8080 (0: any free port)
 * @param rulesDir                 RULES_DIR, default ./rules
 * @param adminToken               ADMIN_TOKEN, default none (admin endpoints answer 404)
 * @param firingLimit              RULES_FIRING_LIMIT, default {@link RuleEngine#DEFAULT_FIRING_LIMIT} firings per evaluation
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
 * @param rulesTimeLimitMs         RULES_TIME_LIMIT_MS, default {@link RuleEngine#DEFAULT_TIME_LIMIT_MS}: an
 *                                 evaluation running longer is stopped (500 RULES_FAILED)
 * @param stuckLimit               RULES_STUCK_LIMIT, default 2: evaluations past the time limit that could not
 *                                 be stopped beyond which /health and /ready report the process unhealthy
 * @param rulesCacheDir            RULES_CACHE_DIR, default addon-configurator-rules-cache in the system's
 *                                 temporary folder: where compiled rules, and which rules folders passed
 *                                 their scenarios, are kept for the next start; "off" (null here): nowhere
 * @param rulesTimeLimitMs         RULES_TIME_LIMIT_MS, default {@link RuleEngine#DEFAULT_TIME_LIMIT_MS}: an
 *                                 evaluation running longer is stopped (500 RULES_FAILED)
 * @param stuckLimit               RULES_STUCK_LIMIT, default 2: evaluations past the time limit that could not
 *                                 be stopped, beyond which /health and /ready report the process unhealthy
 * @param rulesMaxFileBytes        RULES_MAX_FILE_BYTES, default 1 MiB: a file of the rules folder larger is refused
 * @param rulesMaxFolderBytes      RULES_MAX_FOLDER_BYTES, default 8 MiB: the rules folder's files together at most
 * @param bodyTimeoutMs            REQUEST_BODY_TIMEOUT_MS, default 5000: a request body must arrive whole within
 *                                 this, else 408 and the connection closed
 * @param maxConcurrentBodies      MAX_CONCURRENT_BODIES, default half of HTTP_THREADS: request bodies read at
 *                                 once; beyond, 503 OVERLOADED at once, so slow uploads never hold every thread
 * @param rulesAllowedClasses      RULES_ALLOWED_CLASSES, comma-separated, default none: classes rules may call
 *                                 besides the standard allow-list (a company's own helpers, say)
 */
public record AppConfig(
        int port,
        Path rulesDir,
        String adminToken,
        int firingLimit,
        boolean scenarioGate,
        boolean watch,
        long watchDebounceMs,
        int maxConcurrentEvaluations,
        long idleTimeoutMs,
        long shutdownTimeoutMs,
        List<String> allowedOrigins,
        String logFormat,
        Path scenariosDir,
        int httpThreads,
        Path rulesCacheDir,
        int rulesTimeLimitMs,
        int stuckLimit,
        long rulesMaxFileBytes,
        long rulesMaxFolderBytes,
        int bodyTimeoutMs,
        int maxConcurrentBodies,
        List<String> rulesAllowedClasses) {

    /** The rules folder when RULES_DIR is not set. */
    public static final Path DEFAULT_RULES_DIR = Path.of("./rules");

    /** For tests and embedding: any free port, no watching, no cache, a short shutdown. */
    public static AppConfig defaults(Path rulesDir) {
        return new AppConfig(
                0,
                rulesDir,
                null,
                RuleEngine.DEFAULT_FIRING_LIMIT,
                true,
                false,
                300,
                64,
                10_000,
                2_000,
                List.of(),
                "text",
                rulesDir.resolve("scenarios"),
                defaultHttpThreads(),
                null,
                RuleEngine.DEFAULT_TIME_LIMIT_MS,
                2,
                RulesFolder.Limits.DEFAULT.maxFileBytes(),
                RulesFolder.Limits.DEFAULT.maxTotalBytes(),
                5_000,
                defaultHttpThreads() / 2,
                List.of());
    }

    /** What rules may use: the standard allow-list and {@link #rulesAllowedClasses}. */
    public AllowList allowList() {
        return AllowList.standardAnd(rulesAllowedClasses);
    }

    /** How large the rules folder's files may be. */
    public RulesFolder.Limits rulesLimits() {
        return new RulesFolder.Limits(rulesMaxFileBytes, rulesMaxFolderBytes);
    }

    /** This configuration with the changes the builder makes. */
    public AppConfig with(Consumer<Builder> change) {
        Builder builder = new Builder(this);
        change.accept(builder);
        return builder.build();
    }

    public AppConfig withAdminToken(String token) {
        return with(b -> b.adminToken = token);
    }

    public AppConfig withWatch(boolean on) {
        return with(b -> b.watch = on);
    }

    public AppConfig withRulesLimits(long maxFileBytes, long maxFolderBytes) {
        return with(b -> {
            b.rulesMaxFileBytes = maxFileBytes;
            b.rulesMaxFolderBytes = maxFolderBytes;
        });
    }

    public AppConfig withBodyLimits(int timeoutMs, int maxConcurrent) {
        return with(b -> {
            b.bodyTimeoutMs = timeoutMs;
            b.maxConcurrentBodies = maxConcurrent;
        });
    }

    public AppConfig withRulesAllowedClasses(List<String> classNames) {
        return with(b -> b.rulesAllowedClasses = List.copyOf(classNames));
    }

    public AppConfig withTimeLimit(int ms) {
        return with(b -> b.rulesTimeLimitMs = ms);
    }

    public AppConfig withFiringLimit(int limit) {
        return with(b -> b.firingLimit = limit);
    }

    public AppConfig withLimits(int maxConcurrent, long idleTimeout) {
        return with(b -> {
            b.maxConcurrentEvaluations = maxConcurrent;
            b.idleTimeoutMs = idleTimeout;
        });
    }

    public AppConfig withAllowedOrigins(List<String> origins) {
        return with(b -> b.allowedOrigins = List.copyOf(origins));
    }

    /** A configuration's values to change, for {@link #with}. */
    public static final class Builder {
        public int port;
        public Path rulesDir;
        public String adminToken;
        public int firingLimit;
        public boolean scenarioGate;
        public boolean watch;
        public long watchDebounceMs;
        public int maxConcurrentEvaluations;
        public long idleTimeoutMs;
        public long shutdownTimeoutMs;
        public List<String> allowedOrigins;
        public String logFormat;
        public Path scenariosDir;
        public int httpThreads;
        public Path rulesCacheDir;
        public int rulesTimeLimitMs;
        public int stuckLimit;
        public long rulesMaxFileBytes;
        public long rulesMaxFolderBytes;
        public int bodyTimeoutMs;
        public int maxConcurrentBodies;
        public List<String> rulesAllowedClasses;

        private Builder(AppConfig c) {
            port = c.port;
            rulesDir = c.rulesDir;
            adminToken = c.adminToken;
            firingLimit = c.firingLimit;
            scenarioGate = c.scenarioGate;
            watch = c.watch;
            watchDebounceMs = c.watchDebounceMs;
            maxConcurrentEvaluations = c.maxConcurrentEvaluations;
            idleTimeoutMs = c.idleTimeoutMs;
            shutdownTimeoutMs = c.shutdownTimeoutMs;
            allowedOrigins = c.allowedOrigins;
            logFormat = c.logFormat;
            scenariosDir = c.scenariosDir;
            httpThreads = c.httpThreads;
            rulesCacheDir = c.rulesCacheDir;
            rulesTimeLimitMs = c.rulesTimeLimitMs;
            stuckLimit = c.stuckLimit;
            rulesMaxFileBytes = c.rulesMaxFileBytes;
            rulesMaxFolderBytes = c.rulesMaxFolderBytes;
            bodyTimeoutMs = c.bodyTimeoutMs;
            maxConcurrentBodies = c.maxConcurrentBodies;
            rulesAllowedClasses = c.rulesAllowedClasses;
        }

        private AppConfig build() {
            return new AppConfig(
                    port,
                    rulesDir,
                    adminToken,
                    firingLimit,
                    scenarioGate,
                    watch,
                    watchDebounceMs,
                    maxConcurrentEvaluations,
                    idleTimeoutMs,
                    shutdownTimeoutMs,
                    allowedOrigins,
                    logFormat,
                    scenariosDir,
                    httpThreads,
                    rulesCacheDir,
                    rulesTimeLimitMs,
                    stuckLimit,
                    rulesMaxFileBytes,
                    rulesMaxFolderBytes,
                    bodyTimeoutMs,
                    maxConcurrentBodies,
                    rulesAllowedClasses);
        }
    }

    /** RULES_DIR, or the default. */
    public static Path rulesDir(Map<String, String> env) {
        String raw = env.get("RULES_DIR");
        return raw == null || raw.isBlank() ? DEFAULT_RULES_DIR : Path.of(raw.trim());
    }

    /** RULES_FIRING_LIMIT, or the default; an invalid value is an IllegalArgumentException naming it. */
    public static int firingLimit(Map<String, String> env) {
        Environment read = new Environment(env);
        int limit = firingLimit(read);
        read.requireValid();
        return limit;
    }

    private static int firingLimit(Environment env) {
        return env.integer("RULES_FIRING_LIMIT", RuleEngine.DEFAULT_FIRING_LIMIT, 1, Integer.MAX_VALUE);
    }

    /** RULES_TIME_LIMIT_MS, or the default; an invalid value is an IllegalArgumentException naming it. */
    public static int rulesTimeLimitMs(Map<String, String> env) {
        Environment read = new Environment(env);
        int limit = rulesTimeLimitMs(read);
        read.requireValid();
        return limit;
    }

    private static int rulesTimeLimitMs(Environment env) {
        return env.integer("RULES_TIME_LIMIT_MS", RuleEngine.DEFAULT_TIME_LIMIT_MS, 1, 600_000);
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
    public static AppConfig fromEnv(Map<String, String> variables) {
        Environment env = new Environment(variables);
        if (env.isBlankButSet("RULES_DIR")) {
            env.problem("RULES_DIR must name a folder");
        }
        Path rules = rulesDir(variables);
        Builder b = new Builder(defaults(rules));
        b.port = env.integer("PORT", 8080, 0, 65535);
        String token = variables.get("ADMIN_TOKEN");
        b.adminToken = token == null || token.isEmpty() ? null : token;
        if (b.adminToken != null && b.adminToken.length() < 16) {
            env.problem("ADMIN_TOKEN must be at least 16 characters long");
        }
        b.firingLimit = firingLimit(env);
        b.scenarioGate = env.bool("RELOAD_SCENARIO_GATE", true);
        b.watch = env.bool("RULES_WATCH", true);
        b.watchDebounceMs = env.integer("RULES_WATCH_DEBOUNCE_MS", 300, 0, 60_000);
        b.maxConcurrentEvaluations = env.integer("MAX_CONCURRENT_EVALUATIONS", 64, 1, 100_000);
        b.idleTimeoutMs = env.integer("REQUEST_IDLE_TIMEOUT_MS", 10_000, 100, 600_000);
        b.shutdownTimeoutMs = env.integer("SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000);
        b.httpThreads = env.integer("HTTP_THREADS", defaultHttpThreads(), 4, 1_000);
        b.bodyTimeoutMs = env.integer("REQUEST_BODY_TIMEOUT_MS", 5_000, 100, 600_000);
        b.maxConcurrentBodies = env.integer("MAX_CONCURRENT_BODIES", Math.max(1, b.httpThreads / 2), 1, 100_000);
        if (b.maxConcurrentBodies >= b.httpThreads) {
            env.problem("MAX_CONCURRENT_BODIES must be below HTTP_THREADS (" + b.httpThreads
                    + "), so that /health always has a thread");
        }
        b.allowedOrigins = origins(env);
        String logFormat = env.text("LOG_FORMAT");
        b.logFormat = logFormat == null ? "text" : logFormat.toLowerCase(Locale.ROOT);
        if (!b.logFormat.equals("text") && !b.logFormat.equals("json")) {
            env.problem("LOG_FORMAT must be text or json, not '" + logFormat + "'");
        }
        String scenarios = env.text("SCENARIOS_DIR");
        b.scenariosDir = scenarios == null ? rules.resolve("scenarios") : Path.of(scenarios);
        b.rulesCacheDir = rulesCacheDir(variables);
        b.rulesTimeLimitMs = rulesTimeLimitMs(env);
        b.rulesAllowedClasses = allowedClasses(env);
        b.stuckLimit = env.integer("RULES_STUCK_LIMIT", 2, 0, 10_000);
        RulesFolder.Limits limits = rulesLimits(env);
        b.rulesMaxFileBytes = limits.maxFileBytes();
        b.rulesMaxFolderBytes = limits.maxTotalBytes();
        env.requireValid();
        return b.build();
    }

    private static RulesFolder.Limits rulesLimits(Environment env) {
        RulesFolder.Limits d = RulesFolder.Limits.DEFAULT;
        return new RulesFolder.Limits(
                env.integer("RULES_MAX_FILE_BYTES", (int) d.maxFileBytes(), 1024, 1 << 30),
                env.integer("RULES_MAX_FOLDER_BYTES", (int) d.maxTotalBytes(), 1024, 1 << 30));
    }

    /** RULES_MAX_FILE_BYTES and RULES_MAX_FOLDER_BYTES; an invalid value is an IllegalArgumentException. */
    public static RulesFolder.Limits rulesLimits(Map<String, String> env) {
        Environment read = new Environment(env);
        RulesFolder.Limits limits = rulesLimits(read);
        read.requireValid();
        return limits;
    }

    /** RULES_ALLOWED_CLASSES: comma-separated class names such as com.acme.rules.Helpers. */
    private static List<String> allowedClasses(Environment env) {
        String raw = env.text("RULES_ALLOWED_CLASSES");
        List<String> classes = new ArrayList<>();
        for (String c : (raw == null ? "" : raw).split(",")) {
            String name = c.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+")) {
                env.problem("RULES_ALLOWED_CLASSES: '" + name + "' is not a class name like com.acme.Helpers");
            }
            classes.add(name);
        }
        return List.copyOf(classes);
    }

    /** What rules may use, from RULES_ALLOWED_CLASSES; an invalid value is an IllegalArgumentException. */
    public static AllowList allowList(Map<String, String> env) {
        Environment read = new Environment(env);
        List<String> classes = allowedClasses(read);
        read.requireValid();
        return AllowList.standardAnd(classes);
    }

    /** ALLOWED_ORIGINS: comma-separated origins such as https://shop.example.com. */
    private static List<String> origins(Environment env) {
        String raw = env.text("ALLOWED_ORIGINS");
        List<String> origins = new ArrayList<>();
        for (String origin : (raw == null ? "" : raw).split(",")) {
            String o = origin.trim();
            if (o.isEmpty()) {
                continue;
            }
            if (!o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                env.problem("ALLOWED_ORIGINS: '" + o + "' is not an origin like https://shop.example.com");
            }
            origins.add(o);
        }
        return List.copyOf(origins);
    }
}
