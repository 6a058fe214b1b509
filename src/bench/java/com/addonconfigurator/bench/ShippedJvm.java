package com.addonconfigurator.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One fork with the JVM options the service ships (the README's and the Dockerfile's), and the
 * warm-up and measurement of the latency benchmarks; JMH applies these to the benchmarks of every
 * class that extends this one.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms96m", "-Xmx192m", "-XX:NewSize=64m", "-XX:+UseParallelGC", "-XX:MaxMetaspaceSize=160m",
        "-XX:ReservedCodeCacheSize=64m", "-Xss512k"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class ShippedJvm {
}
