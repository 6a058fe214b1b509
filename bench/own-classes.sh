#!/usr/bin/env bash
# Is the two-thread loss in what the threads share through the classes, or in the heap?
# (OwnClassesProbe) One JVM, in turn: one thread; two threads on one ruleset (every class shared,
# as the service runs); the same with a ruleset loaded apart for each thread; the same with only the
# rule bases apart (one service, request and catalog); two threads each on a
# ruleset loaded by its own class loader (each its own copy of every class: metadata, static fields,
# compiled code; the heap still shared).
#   usage: bench/own-classes.sh [RULES_DIR] [SECONDS_PER_RUN] [ROUNDS] [SHARED_PACKAGE_PREFIXES]   (about 2 minutes)
#   e.g. bench/own-classes.sh rules 4 5 org.slf4j.,ch.qos.logback.   (copies every class but the logging ones)
#        bench/own-classes.sh rules 4 5 only:com.addonconfigurator.  (copies only the service's own classes)
#   JAVA=/path/to/java bench/own-classes.sh   to run it on another JVM
#   STAGGER_MS=20 bench/own-classes.sh        the second thread starts its warm-up 20 ms after the first
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
# The service's options, with room for two copies of every class (metaspace and compiled code).
exec "${JAVA:-java}" -Xms96m -Xmx192m -XX:NewSize=64m -XX:+UseParallelGC -XX:MaxMetaspaceSize=320m \
  -XX:ReservedCodeCacheSize=128m -Xss512k \
  -Dprobe.stagger="${STAGGER_MS:-0}" -cp "$BENCH_CP" \
  com.addonconfigurator.bench.OwnClassesProbe "${1:-rules}" "${2:-4}" "${3:-5}" "${4:-}"
