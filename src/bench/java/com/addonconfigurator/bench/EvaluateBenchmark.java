package com.addonconfigurator.bench;

import com.addonconfigurator.Carts;
import com.addonconfigurator.evaluation.EvaluationResponse;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.evaluation.FactMapper;
import com.addonconfigurator.messages.Language;
import com.addonconfigurator.metrics.Metrics;
import com.addonconfigurator.request.EvaluationRequest;
import com.addonconfigurator.rules.Decisions;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.Ruleset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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
public class EvaluateBenchmark extends ShippedJvm {
    private Ruleset ruleset;
    private RuleEngine engine;
    private RuleEngine countingEngine;
    private EvaluationService service;
    private EvaluationRequest request;

    @Setup
    public void setUp() throws Exception {
        ruleset = ProjectRules.load(ProjectRules.folder());
        engine = new RuleEngine(RuleEngine.DEFAULT_FIRING_LIMIT);
        Metrics metrics = new Metrics();
        countingEngine = new RuleEngine(
                RuleEngine.DEFAULT_FIRING_LIMIT, firings -> firings.forEach(metrics::ruleFired)); // as App wires it
        service = ProjectRules.serviceOn(ruleset, engine);
        request = apiExample();
    }

    /** api.md's example cart, as the tests build it. */
    static EvaluationRequest apiExample() {
        return Carts.apiExample().request();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decisions engine() throws Exception {
        return engine.run(
                ruleset,
                request.evaluationDate(),
                FactMapper.facts(request, ruleset.catalog().on(request.evaluationDate())),
                false);
    }

    /** The engine as the service runs it: counting each rule's firings for the metrics. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decisions engineCounting() throws Exception {
        return countingEngine.run(
                ruleset,
                request.evaluationDate(),
                FactMapper.facts(request, ruleset.catalog().on(request.evaluationDate())),
                false);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public EvaluationResponse service() throws Exception {
        return service.evaluate(ruleset, request, Language.IT, false);
    }

    /**
     * The engine as a server runs it: between two evaluations the core does other work (the
     * request's I/O in the kernel, Jetty, the load tool), so an evaluation finds its rule base,
     * session and code out of the nearest caches. Before each evaluation (not timed) the thread
     * writes 4 MB elsewhere and makes a system call; what this costs the evaluation against
     * {@link #engine} is what caches and the TLB add under HTTP, and what a smaller footprint
     * would save there. Apart: {@code -p kb=0,1024,4096 -p syscall=false,true}.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decisions engineAfterOtherWork(OtherWork other) throws Exception {
        return engine.run(
                ruleset,
                request.evaluationDate(),
                FactMapper.facts(request, ruleset.catalog().on(request.evaluationDate())),
                false);
    }

    /** What a server's core does between two evaluations, as far as the caches can tell. */
    @State(Scope.Thread)
    public static class OtherWork {
        /** KB written elsewhere before each evaluation. */
        @Param("4096")
        public int kb;
        /** Whether a system call follows. */
        @Param("true")
        public boolean syscall;

        private byte[] elsewhere;
        private int round;

        @Setup(Level.Trial)
        public void allocate() {
            elsewhere = new byte[kb << 10];
        }

        @Setup(Level.Invocation)
        public void evictCaches() {
            round++;
            for (int i = 0; i < elsewhere.length; i += 64) {
                elsewhere[i] = (byte) round;
            }
            if (syscall) {
                Thread.yield(); // with kernel page-table isolation and no PCID, a system call empties the TLB
            }
        }
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

    /**
     * What two threads can give on this machine, in one JVM with the service's options, for work
     * shaped like an evaluation but sharing nothing: each thread walks its own 1.4 MB random cycle
     * (an array, so that no collection reorders it) and allocates 39 KB per operation (an evaluation:
     * 43 KB), taking about as long as an evaluation. Run with {@code -t 1} and
     * {@code -t 2} beside {@link #throughput}: the engine's ratio means something only against this
     * one, measured in the same run ({@code bench/jmh.sh} does both).
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long calibration(PrivateWalk walk) {
        return walk.step();
    }

    /** One thread's own random cycle through an array, and where its walk has got to. */
    @State(Scope.Thread)
    public static class PrivateWalk {
        private static final int SLOTS = 350_000;
        private static final int STEPS = 2_000;
        private int[] next;
        private int at;

        @Setup
        public void setUp() {
            List<Integer> order = new ArrayList<>(SLOTS);
            for (int i = 0; i < SLOTS; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(Thread.currentThread().getId()));
            next = new int[SLOTS];
            for (int i = 0; i < SLOTS; i++) {
                next[order.get(i)] = order.get((i + 1) % SLOTS);
            }
        }

        long step() {
            int slot = at;
            List<long[]> allocated = new ArrayList<>();
            for (int i = 0; i < STEPS; i++) {
                slot = next[slot];
                if (i % 4 == 0) {
                    allocated.add(new long[6]);
                }
            }
            at = slot; // the next operation walks on from here
            return slot + allocated.size();
        }
    }
}
