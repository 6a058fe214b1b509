package com.addonconfigurator.bench;

import com.addonconfigurator.cart.EvaluationRequest;
import com.addonconfigurator.catalog.Language;
import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.evaluation.FactMapper;
import com.addonconfigurator.metrics.Metrics;
import com.addonconfigurator.rules.Decisions;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import com.addonconfigurator.rules.RulesetLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In process, facts in and decisions out (no HTTP, no JSON): the api.md example cart with the
 * project's rules. {@code engine} is the rule engine alone; {@code service} adds the mapping of
 * the request to facts and of the decisions to the response (messages, order, money).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms96m", "-Xmx192m", "-XX:NewSize=64m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=160m",
        "-XX:ReservedCodeCacheSize=64m", "-Xss512k"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class EvaluateBenchmark {
    private Ruleset ruleset;
    private RuleEngine engine;
    private RuleEngine countingEngine;
    private EvaluationService service;
    private EvaluationRequest request;

    @Setup
    public void setUp() throws Exception {
        ruleset = new RulesetLoader(Clock.systemUTC()).load(Path.of(System.getProperty("rules", "rules")));
        engine = new RuleEngine(10_000);
        Metrics metrics = new Metrics();
        countingEngine = new RuleEngine(10_000, firings -> firings.forEach(metrics::ruleFired)); // as App wires it
        service = new EvaluationService(() -> ruleset, engine, Clock.systemUTC());
        request = apiExample();
    }

    static EvaluationRequest apiExample() {
        return new EvaluationRequest(LocalDate.parse("2026-11-28"), "CUSTOMER_AREA", "ANDROID",
                new EvaluationRequest.Account("FE", LocalDate.parse("2027-03-31"), List.of("ORDINI_ELETTRONICI"), 2, false),
                new EvaluationRequest.Cart(null, List.of("WOOCOMMERCE", "INCASSI_PAGAMENTI"), 3, true, true));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decisions engine() throws Exception {
        return engine.run(ruleset, FactMapper.facts(request, ruleset.catalog()), false);
    }

    /** The engine as the service runs it: counting each rule's firings for the metrics. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decisions engineCounting() throws Exception {
        return countingEngine.run(ruleset, FactMapper.facts(request, ruleset.catalog()), false);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public EvaluationResponse service() throws Exception {
        return service.evaluate(ruleset, request, Language.IT, false);
    }

    /**
     * Throughput of the same evaluation: run with -t 1 and -t 2 to compare. A longer warm-up: with
     * both cores busy evaluating, the JIT compiler gets little CPU, and two threads were still
     * climbing (4k to 48k ops/s) at the end of a 10 s warm-up.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @Warmup(iterations = 15, time = 2)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public EvaluationResponse throughput() throws Exception {
        return service.evaluate(ruleset, request, Language.IT, false);
    }
}
