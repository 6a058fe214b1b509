package com.addonconfigurator.app;

import com.addonconfigurator.quotes.QuoteSettings;
import com.addonconfigurator.rules.AllowList;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.RulesFolder;
import com.addonconfigurator.shadow.ShadowSettings;
import com.addonconfigurator.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the service's configuration from environment variables (the README lists each with its
 * default), naming every invalid value. The command line reads the settings it shares with the
 * service here too, so that {@code check} and {@code test} run what a reload runs.
 */
public final class AppConfigReader {
    private AppConfigReader() {}

    /** RULES_DIR, or the default. */
    public static Path rulesDir(Map<String, String> env) {
        String raw = env.get("RULES_DIR");
        return raw == null || raw.isBlank() ? AppConfig.DEFAULT_RULES_DIR : Path.of(raw.trim());
    }

    /** RULES_FIRING_LIMIT, or the default; an invalid value is an IllegalArgumentException naming it. */
    public static int firingLimit(Map<String, String> env) {
        return Environment.readOne(env, AppConfigReader::firingLimit);
    }

    private static int firingLimit(Environment env) {
        return env.integer("RULES_FIRING_LIMIT", RuleEngine.DEFAULT_FIRING_LIMIT, 1, Integer.MAX_VALUE);
    }

    /** RULES_TIME_LIMIT_MS, or the default; an invalid value is an IllegalArgumentException naming it. */
    public static int rulesTimeLimitMs(Map<String, String> env) {
        return Environment.readOne(env, AppConfigReader::rulesTimeLimitMs);
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

    /** Reads the environment; every invalid value is named in the exception's message. */
    public static AppConfig fromEnv(Map<String, String> variables) {
        Environment env = new Environment(variables);
        if (env.isBlankButSet("RULES_DIR")) {
            env.problem("RULES_DIR must name a folder");
        }
        Path rules = rulesDir(variables);
        AppConfig.Builder b = new AppConfig.Builder(AppConfig.defaults(rules));
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
        b.httpThreads = env.integer("HTTP_THREADS", AppConfig.defaultHttpThreads(), 4, 1_000);
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
        b.quotes = quotes(env);
        String candidate = env.text("RULES_CANDIDATE_DIR");
        b.shadow = new ShadowSettings(
                candidate == null ? null : Path.of(candidate),
                env.fraction("SHADOW_SAMPLE", ShadowSettings.OFF.sample()),
                env.integer("SHADOW_QUEUE", ShadowSettings.OFF.queue(), 1, 1_000_000),
                env.integer("SHADOW_EXAMPLES", ShadowSettings.OFF.examples(), 0, 10_000));
        env.requireValid();
        return b.build();
    }

    private static QuoteSettings quotes(Environment env) {
        String url = env.text("DATABASE_URL");
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            env.problem("DATABASE_URL must be a PostgreSQL JDBC URL like jdbc:postgresql://db:5432/quotes");
        }
        String dataDir = env.text("DATA_DIR");
        DatabaseSettings database = new DatabaseSettings(
                url,
                env.text("DATABASE_USER"),
                env.text("DATABASE_PASSWORD"),
                dataDir == null ? DatabaseSettings.DEFAULT_DATA_DIR : Path.of(dataDir),
                env.integer("DATABASE_POOL_SIZE", 8, 1, 1_000),
                Duration.ofMillis(env.integer("DATABASE_TIMEOUT_MS", 2_000, 250, 600_000)));
        return new QuoteSettings(
                database,
                env.duration("QUOTE_TTL", null),
                env.duration("QUOTE_RETENTION", QuoteSettings.DEFAULT_RETENTION));
    }

    /** Where quotes are kept (DATA_DIR, DATABASE_*), for the command line's {@code replay}. */
    public static DatabaseSettings database(Map<String, String> env) {
        return Environment.readOne(env, AppConfigReader::quotes).database();
    }

    private static RulesFolder.Limits rulesLimits(Environment env) {
        RulesFolder.Limits d = RulesFolder.Limits.DEFAULT;
        return new RulesFolder.Limits(
                env.integer("RULES_MAX_FILE_BYTES", (int) d.maxFileBytes(), 1024, 1 << 30),
                env.integer("RULES_MAX_FOLDER_BYTES", (int) d.maxTotalBytes(), 1024, 1 << 30));
    }

    /** RULES_MAX_FILE_BYTES and RULES_MAX_FOLDER_BYTES; an invalid value is an IllegalArgumentException. */
    public static RulesFolder.Limits rulesLimits(Map<String, String> env) {
        return Environment.readOne(env, AppConfigReader::rulesLimits);
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
        return AllowList.standardAnd(Environment.readOne(env, AppConfigReader::allowedClasses));
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
