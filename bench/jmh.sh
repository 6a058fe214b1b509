#!/usr/bin/env bash
# In-process benchmarks (JMH): the api.md example cart on one thread (median: the engine alone, the engine
# with its caches emptied before each evaluation as a server's other work empties them, the engine
# counting firings as the service does, and the service), throughput on one
# and two threads (three pairs, each beside a pair of the calibration: work that shares nothing, what
# two threads can give on this machine), and how time grows with the rules and the cart. Results in
# target/jmh-*.txt.
#   usage: bench/jmh.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench test-compile
run() { mvn -B -q -Pbench exec:exec -Djmh.args="$*"; }
run "EvaluateBenchmark.engine EvaluateBenchmark.service -rf text -rff target/jmh-latency.txt" | tee target/jmh-latency.log
# One thread against two, three times in turn: the one-thread figure moves by up to a third from
# one JVM to the next (the JIT's choices), so the ratio is quoted as the median of three pairs.
for pair in 1 2 3; do
  for t in 1 2; do
    run "EvaluateBenchmark.throughput$ -t $t -rf text -rff target/jmh-throughput-$t-$pair.txt" > target/jmh-throughput-$t-$pair.log
  done
  for t in 1 2; do
    run "EvaluateBenchmark.calibration$ -t $t -rf text -rff target/jmh-calibration-$t-$pair.txt" > target/jmh-calibration-$t-$pair.log
  done
done
run "GrowthBenchmark -rf text -rff target/jmh-growth.txt" | tee target/jmh-growth.log
echo; echo "== latency (us/op; p0.50 is the median)"; grep -E "p0.50|Benchmark" target/jmh-latency.txt || cat target/jmh-latency.txt
echo "== throughput (ops/s), one thread vs two: the evaluation, and the calibration right after it"
ops() { awk '/thrpt/ {print $4}' "$1"; }
ratio() { awk -v a="$2" -v b="$1" 'BEGIN {printf "%.2f", a/b}'; }
for pair in 1 2 3; do
  one=$(ops target/jmh-throughput-1-$pair.txt); two=$(ops target/jmh-throughput-2-$pair.txt)
  cone=$(ops target/jmh-calibration-1-$pair.txt); ctwo=$(ops target/jmh-calibration-2-$pair.txt)
  echo "pair $pair: evaluation $one vs $two = $(ratio "$one" "$two")x; calibration $cone vs $ctwo = $(ratio "$cone" "$ctwo")x"
done | tee target/jmh-throughput.txt
median() { sort -n | sed -n 2p; }
echo "median ratio: evaluation $(sed 's/.*= \([0-9.]*\)x;.*/\1/' target/jmh-throughput.txt | median)x, calibration $(sed 's/.*= \([0-9.]*\)x$/\1/' target/jmh-throughput.txt | median)x"
echo "== growth"; cat target/jmh-growth.txt
