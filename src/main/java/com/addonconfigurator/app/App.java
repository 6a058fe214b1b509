package com.addonconfigurator.app;

import com.addonconfigurator.api.HttpApi;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.rules.ReloadAttempt;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.RulesetLoader;
import com.addonconfigurator.rules.RulesetRegistry;
import com.addonconfigurator.scenarios.ScenarioGate;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;

/**
 * The service, built from its configuration and clock. {@link #start()} serves HTTP at once and
 * builds the ruleset in the background; /ready answers 503 until it is in.
 */
public final class App {
    private final AppConfig config;
    private final RulesetRegistry registry;
    private final Javalin javalin;
    private final Thread loader;
    private RulesWatcher watcher;

    public App(AppConfig config, Clock clock) {
        this.config = config;
        RuleEngine engine = new RuleEngine(config.firingLimit());
        RulesetRegistry.Gate gate = config.scenarioGate() ? new ScenarioGate(engine, clock) : (r, f) -> List.of();
        this.registry = new RulesetRegistry(config.rulesDir(), new RulesetLoader(clock), gate, clock);
        EvaluationService service = new EvaluationService(registry::active, engine, clock);
        this.javalin = new HttpApi(service, registry, config.adminToken()).create();
        this.loader = new Thread(this::firstLoad, "ruleset-loader");
        this.loader.setDaemon(true);
    }

    public App start() {
        javalin.start(config.port());
        loader.start();
        return this;
    }

    private void firstLoad() {
        ReloadAttempt first = registry.reload();
        if (config.watch()) {
            watcher = new RulesWatcher(config.rulesDir(), first.version(), config.watchDebounceMs(), registry::reload);
            watcher.start();
        }
    }

    public int port() {
        return javalin.port();
    }

    public RulesetRegistry registry() {
        return registry;
    }

    public void stop() {
        if (watcher != null) {
            watcher.close();
        }
        javalin.stop();
    }
}
