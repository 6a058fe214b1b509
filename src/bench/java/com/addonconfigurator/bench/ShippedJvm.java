package com.addonconfigurator.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One fork with the JVM options the service ships (deploy/jvm.options, which the Dockerfile reads,
 * with the heap the benchmark scripts give the jar), and the
 * warm-up and measurement of the latency benchmarks; JMH applies these to the benchmarks of every
 * class that extends this one.
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms96m", "-Xmx192m", "-XX:VMOptionsFile=deploy/jvm.options"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class ShippedJvm {}
