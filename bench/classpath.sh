# Sourced by the probes' scripts: compiles the benchmarks (the bench Maven profile) and sets
# BENCH_CP to their class path.
mvn -B -q -Pbench test-compile
mvn -B -q -Pbench dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
BENCH_CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
