package com.addonconfigurator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The service's metrics, in Prometheus format: HTTP requests, evaluations, rejections, rule
 * firings, reloads, the active ruleset, and the JVM. One instance per app (no global registry).
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MultiGauge rulesetInfo;
    private final Map<String, Counter> ruleFirings = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();
    private final java.util.List<Object> watched = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Metrics() {
        rulesetInfo = MultiGauge.builder("addon.ruleset.active")
                .description("The active ruleset: 1 for its version")
                .register(registry);
    }

    /**
     * Adds the JVM's metrics (memory, GC, threads, classes, CPU, uptime). Apart from the
     * constructor because it costs a tenth of a second or more of a cold start: the app does it once
     * the rules have started loading.
     */
    public void bindJvmMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The rules' time limit: evaluations stopped at it, and threads past it that could not be stopped. */
    public void rulesWatched(LongSupplier stopped, IntSupplier stuck) {
        // Micrometer holds what it measures weakly: these suppliers are kept here for the app's life.
        watched.add(stopped);
        watched.add(stuck);
        FunctionCounter.builder("addon.rules.stopped", stopped, LongSupplier::getAsLong)
                .description("Evaluations stopped at the rules' time limit")
                .register(registry);
        Gauge.builder("addon.rules.stuck", stuck, IntSupplier::getAsInt)
                .description("Evaluations past the time limit whose threads could not be stopped")
                .register(registry);
    }

    private final Map<String, Timer> httpTimers = new ConcurrentHashMap<>();

    public void httpRequest(String method, String route, int status, Duration took) {
        httpTimers
                .computeIfAbsent(method + ' ' + route + ' ' + status, k -> httpTimer(method, route, status))
                .record(took);
    }

    private Timer httpTimer(String method, String route, int status) {
        return Timer.builder("addon.http.requests")
                .description("HTTP requests by route and status")
                .tags("method", method, "route", route, "status", String.valueOf(status))
                .publishPercentileHistogram()
                .serviceLevelObjectives(
                        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100))
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
    }

    /** @param outcome CHECKOUT_ALLOWED, NOT_ALLOWED, INVALID_REQUEST, RULES_FAILED, NOT_READY, OVERLOADED */
    private final Map<String, Counter> evaluations = new ConcurrentHashMap<>();

    public void evaluation(String outcome) {
        evaluations
                .computeIfAbsent(
                        outcome,
                        o -> Counter.builder("addon.evaluations")
                                .description("Evaluations by outcome")
                                .tag("outcome", o)
                                .register(registry))
                .increment();
    }

    private final Map<String, Counter> quotes = new ConcurrentHashMap<>();

    /**
     * @param outcome CREATED, NOT_ALLOWED, CONFIRMED, CHANGED, EXPIRED, NOT_FOUND, INVALID_REQUEST,
     *                STORE_UNAVAILABLE, and the evaluation's own failures
     */
    public void quote(String outcome) {
        quotes.computeIfAbsent(
                        outcome,
                        o -> Counter.builder("addon.quotes")
                                .description("Quote requests by outcome")
                                .tag("outcome", o)
                                .register(registry))
                .increment();
    }

    private final Map<String, Counter> shadows = new ConcurrentHashMap<>();

    /** A shadow evaluation's result (same, differs, failed, dropped), labelled with the candidate's version. */
    public void shadow(String result, String candidateVersion) {
        shadows.computeIfAbsent(
                        result + ' ' + candidateVersion,
                        k -> Counter.builder("addon.shadow.evaluations")
                                .description("Live evaluations also given to the candidate ruleset, by result")
                                .tags("result", result, "candidate", candidateVersion)
                                .register(registry))
                .increment();
    }

    /** A statement or connection the quote store could not make. */
    public void storeError() {
        Counter.builder("addon.store.errors")
                .description("Failures of the quote store (database down, full or refusing)")
                .register(registry)
                .increment();
    }

    public void rejection(String reason) {
        rejections
                .computeIfAbsent(
                        reason,
                        r -> Counter.builder("addon.rejections")
                                .description("Rejected items by reason code")
                                .tag("reason", r)
                                .register(registry))
                .increment();
    }

    public void ruleFired(String rule, int times) {
        ruleFirings
                .computeIfAbsent(
                        rule,
                        r -> Counter.builder("addon.rule.firings")
                                .description("Rule firings by rule")
                                .tag("rule", r)
                                .register(registry))
                .increment(times);
    }

    public void reload(String result) {
        Counter.builder("addon.reloads")
                .description("Reload attempts by result")
                .tag("result", result)
                .register(registry)
                .increment();
    }

    public void activeRuleset(String version) {
        rulesetInfo.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
    }

    public String scrape() {
        return registry.scrape();
    }
}
