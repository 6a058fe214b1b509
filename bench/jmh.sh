#!/usr/bin/env bash
# In-process benchmarks (JMH): the api.md example cart on one thread (median), throughput on one
# and two threads, and how time grows with the rules and the cart. Results in target/jmh-*.txt.
#   usage: bench/jmh.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench test-compile
run() { mvn -B -q -Pbench exec:exec -Djmh.args="$*"; }
run "EvaluateBenchmark.engine EvaluateBenchmark.service -rf text -rff target/jmh-latency.txt" | tee target/jmh-latency.log
run "EvaluateBenchmark.throughput -t 1 -rf text -rff target/jmh-throughput-1.txt" | tee target/jmh-throughput-1.log
run "EvaluateBenchmark.throughput -t 2 -rf text -rff target/jmh-throughput-2.txt" | tee target/jmh-throughput-2.log
run "GrowthBenchmark -rf text -rff target/jmh-growth.txt" | tee target/jmh-growth.log
echo; echo "== latency (us/op; p0.50 is the median)"; grep -E "p0.50|Benchmark" target/jmh-latency.txt || cat target/jmh-latency.txt
echo "== throughput"; cat target/jmh-throughput-1.txt target/jmh-throughput-2.txt
echo "== growth"; cat target/jmh-growth.txt
