package com.addonconfigurator.app;

import com.addonconfigurator.quotes.QuoteSettings;
import com.addonconfigurator.rules.AllowList;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.RulesFolder;
import com.addonconfigurator.shadow.ShadowSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
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
 * @param quotes                   where quotes are kept and for how long: DATA_DIR (default ./data; for
 *                                 {@link #defaults} a new folder in the system's temporary folder, made only
 *                                 when a quote is stored), DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD,
 *                                 DATABASE_POOL_SIZE, DATABASE_TIMEOUT_MS, QUOTE_TTL, QUOTE_RETENTION
 * @param shadow                   the candidate ruleset judged on live traffic: RULES_CANDIDATE_DIR (default none:
 *                                 off), SHADOW_SAMPLE, SHADOW_QUEUE, SHADOW_EXAMPLES
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
        List<String> rulesAllowedClasses,
        QuoteSettings quotes,
        ShadowSettings shadow) {

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
                List.of(),
                QuoteSettings.embedded(
                        Path.of(System.getProperty("java.io.tmpdir"), "addon-configurator-data-" + UUID.randomUUID())),
                ShadowSettings.OFF);
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

    /** A candidate rules folder judged on a share of the live traffic. */
    public AppConfig withCandidate(Path candidateDir, double sample) {
        return with(b -> b.shadow = b.shadow.withCandidate(candidateDir, sample));
    }

    public AppConfig withQuotes(QuoteSettings settings) {
        return with(b -> b.quotes = settings);
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
        public QuoteSettings quotes;
        public ShadowSettings shadow;

        Builder(AppConfig c) {
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
            quotes = c.quotes;
            shadow = c.shadow;
        }

        AppConfig build() {
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
                    rulesAllowedClasses,
                    quotes,
                    shadow);
        }
    }

    /** Four threads per core, at least eight: an evaluation never waits on I/O, so more only switch. */
    public static int defaultHttpThreads() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }
}
