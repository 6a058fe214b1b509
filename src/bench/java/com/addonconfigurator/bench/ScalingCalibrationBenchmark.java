package com.addonconfigurator.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * What two threads can give on this machine, in one JVM with the service's options, for work shaped
 * like an evaluation but sharing nothing: each thread walks its own 1.4 MB linked structure in random
 * order and allocates 32 KB per operation (an evaluation: 43 KB), at about the rate one evaluating
 * thread allocates (2 GB/s). Run with {@code -t 1} and {@code -t 2} beside
 * {@code EvaluateBenchmark.throughput}: the engine's ratio means something only against this one,
 * measured in the same run ({@code bench/jmh.sh} does both).
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms96m", "-Xmx192m", "-XX:NewSize=64m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=160m",
        "-XX:ReservedCodeCacheSize=64m", "-Xss512k"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScalingCalibrationBenchmark {
    private static final int NODES = 60_000;
    private static final int STEPS = 12_000;

    static final class Node {
        Node next;
        int value;

        Node(int value) {
            this.value = value;
        }
    }

    private Node start;

    @Setup
    public void setUp() {
        List<Node> nodes = new ArrayList<>(NODES);
        for (int i = 0; i < NODES; i++) {
            nodes.add(new Node(i));
        }
        Collections.shuffle(nodes, new Random(Thread.currentThread().getId()));
        for (int i = 0; i < NODES; i++) {
            nodes.get(i).next = nodes.get((i + 1) % NODES);
        }
        start = nodes.get(0);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long privateWork() {
        Node node = start;
        long sum = 0;
        List<long[]> allocated = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            node = node.next;
            sum += node.value;
            if (i % 24 == 0) {
                allocated.add(new long[6]);
            }
        }
        start = node; // the next operation walks on from here
        return sum + allocated.size();
    }
}
