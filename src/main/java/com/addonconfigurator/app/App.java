package com.addonconfigurator.app;

import com.addonconfigurator.api.HttpApi;
import com.addonconfigurator.api.HttpSettings;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.json.Json;
import com.addonconfigurator.metrics.Metrics;
import com.addonconfigurator.quotes.QuoteRetention;
import com.addonconfigurator.quotes.QuoteService;
import com.addonconfigurator.quotes.QuoteStore;
import com.addonconfigurator.quotes.Replayer;
import com.addonconfigurator.rules.ReloadAttempt;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.RulesWatchdog;
import com.addonconfigurator.rules.RulesetLoader;
import com.addonconfigurator.rules.RulesetRegistry;
import com.addonconfigurator.rules.cache.CompiledRulesCache;
import com.addonconfigurator.rules.cache.ScenarioPasses;
import com.addonconfigurator.scenarios.ScenarioGate;
import com.addonconfigurator.shadow.ShadowEvaluator;
import com.addonconfigurator.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service, built from its configuration and clock. {@link #start()} serves HTTP at once and
 * builds the ruleset in the background; /ready answers 503 until it is in.
 */
public final class App {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(App.class);
    /** The first deletion of old quotes waits this long after start, out of the start's way. */
    private static final Duration RETENTION_FIRST_AFTER = Duration.ofMinutes(1);

    private final AppConfig config;
    private final Metrics metrics = new Metrics();
    private final RulesetRegistry registry;
    private final RulesWatchdog watchdog;
    private final EvaluationService service;
    private final Database database;
    private final QuoteService quotes;
    private final Replayer replayer;
    private final QuoteRetention retention;
    private final ShadowEvaluator shadow;
    private final RulesWatchdog candidateWatchdog;
    private final Thread loader;
    private Javalin javalin;
    private volatile RulesWatcher watcher;
    private volatile RulesWatcher candidateWatcher;

    public App(AppConfig config, Clock clock) {
        this.config = config;
        this.watchdog = new RulesWatchdog(Duration.ofMillis(config.rulesTimeLimitMs()));
        metrics.rulesWatched(watchdog::stopped, watchdog::stuck);
        RuleEngine engine =
                new RuleEngine(config.firingLimit(), watchdog, firings -> firings.forEach(metrics::ruleFired));
        CompiledRulesCache cache = CompiledRulesCache.in(config.rulesCacheDir());
        RulesetRegistry.Gate gate = config.scenarioGate()
                ? scenarioGate(
                        config, clock, watchdog, ScenarioPasses.in(config.rulesCacheDir()), config.scenariosDir())
                : (r, f) -> List.of();
        RulesetLoader rulesetLoader = new RulesetLoader(clock, cache, config.rulesLimits(), config.allowList());
        this.registry = new RulesetRegistry(config.rulesDir(), rulesetLoader, gate, clock, this::recordReload);
        this.service = new EvaluationService(registry::active, engine, clock);
        this.database = new Database(config.quotes().database(), clock);
        QuoteStore store = new QuoteStore(database);
        ObjectMapper mapper = Json.newMapper();
        this.quotes = new QuoteService(registry::active, service, store, config.quotes(), clock, mapper);
        this.replayer = new Replayer(quotes, store, registry::active, rulesetLoader, service, mapper);
        this.retention = new QuoteRetention(store, config.quotes().retention(), clock);
        // the candidate's own watchdog: a candidate stuck past the time limit never counts against /health
        this.candidateWatchdog =
                config.shadow().on() ? new RulesWatchdog(Duration.ofMillis(config.rulesTimeLimitMs())) : null;
        this.shadow = config.shadow().on() ? shadow(config, clock, rulesetLoader, mapper) : null;
        this.loader = new Thread(this::firstLoad, "ruleset-loader");
        this.loader.setDaemon(true);
    }

    /** The candidate rules folder, gated by its own scenarios, and what judges it on live traffic. */
    private ShadowEvaluator shadow(AppConfig config, Clock clock, RulesetLoader loader, ObjectMapper mapper) {
        Path dir = config.shadow().candidateDir();
        RulesetRegistry.Gate gate = config.scenarioGate()
                ? scenarioGate(
                        config,
                        clock,
                        candidateWatchdog,
                        ScenarioPasses.in(config.rulesCacheDir()),
                        dir.resolve("scenarios"))
                : (r, f) -> List.of();
        RulesetRegistry candidate = new RulesetRegistry(dir, loader, gate, clock, attempt -> {});
        EvaluationService onCandidate = new EvaluationService(
                candidate::active, new RuleEngine(config.firingLimit(), candidateWatchdog, null), clock);
        return new ShadowEvaluator(candidate, registry::active, onCandidate, config.shadow(), metrics, mapper, clock);
    }

    /**
     * The QA scenarios' gate, built when the first load needs it, on the loader's thread: setting up
     * its readers takes a third of a second cold, which would otherwise delay the server's start.
     */
    private static RulesetRegistry.Gate scenarioGate(
            AppConfig config, Clock clock, RulesWatchdog watchdog, ScenarioPasses passes, Path scenariosDir) {
        AtomicReference<ScenarioGate> gate = new AtomicReference<>();
        return (candidate, folder) -> gate.updateAndGet(g -> g != null
                        ? g
                        : new ScenarioGate(
                                new RuleEngine(config.firingLimit(), watchdog, null), clock, scenariosDir, passes))
                .check(candidate, folder);
    }

    private void recordReload(ReloadAttempt attempt) {
        metrics.reload(attempt.status());
        if (attempt.loaded()) {
            metrics.activeRuleset(attempt.version());
        }
    }

    /**
     * Starts building the ruleset in the background, then the HTTP server (the two overlap: /health
     * answers as soon as the server is up, /ready once the ruleset is in).
     */
    public synchronized App start() {
        loader.start();
        metrics.bindJvmMetrics();
        HttpSettings settings = new HttpSettings(
                config.adminToken(),
                config.maxConcurrentEvaluations(),
                config.idleTimeoutMs(),
                config.shutdownTimeoutMs(),
                config.allowedOrigins(),
                config.httpThreads(),
                config.stuckLimit(),
                config.bodyTimeoutMs(),
                config.maxConcurrentBodies());
        javalin = new HttpApi(service, quotes, replayer, shadow, registry, watchdog, metrics, settings).create();
        javalin.start(config.port());
        retention.start(RETENTION_FIRST_AFTER);
        return this;
    }

    private void firstLoad() {
        ReloadAttempt first = registry.reload();
        if (config.watch()) {
            watcher = new RulesWatcher(
                    config.rulesDir(),
                    config.rulesLimits(),
                    first.version(),
                    config.watchDebounceMs(),
                    registry::reload,
                    registry::recordFailure);
            watcher.start();
        }
        if (shadow != null) {
            ReloadAttempt candidate = shadow.candidate().reload();
            shadow.start();
            if (config.watch()) {
                candidateWatcher = new RulesWatcher(
                        config.shadow().candidateDir(),
                        config.rulesLimits(),
                        candidate.version(),
                        config.watchDebounceMs(),
                        shadow.candidate()::reload,
                        shadow.candidate()::recordFailure);
                candidateWatcher.start();
            }
        }
    }

    public int port() {
        return javalin.port();
    }

    public RulesetRegistry registry() {
        return registry;
    }

    public QuoteRetention retention() {
        return retention;
    }

    /** Stops accepting, lets requests in flight finish (up to the shutdown timeout), then stops. */
    public void stop() {
        watchdog.close();
        for (RulesWatcher w : new RulesWatcher[] {watcher, candidateWatcher}) {
            if (w != null) {
                w.close();
            }
        }
        if (shadow != null) {
            shadow.close();
            candidateWatchdog.close();
        }
        try {
            if (javalin != null) {
                javalin.stop();
            }
        } catch (RuntimeException e) {
            LOG.warn("stopped after the shutdown timeout with requests or connections still open: {}", e.toString());
        }
        retention.close();
        database.close();
    }
}
