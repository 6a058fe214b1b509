#!/usr/bin/env bash
# Looks for fields that two evaluating threads write and both read (SharedWritesProbe): every static
# field, and every object reachable from them, the ruleset, logback's context and the metrics, is
# snapshot before and after two threads evaluate the api.md example cart, and each field whose value
# changed is listed.
#   usage: bench/shared-writes.sh [RULES_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
opens=""
for pkg in java.lang java.util java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks java.math java.time; do
  opens="$opens --add-opens java.base/$pkg=ALL-UNNAMED"
done
# -Djdk.attach.allowAttachSelf: the probe loads an agent into its own JVM to list the loaded classes.
exec java -Xmx1g -Djdk.attach.allowAttachSelf=true $opens \
  -cp "$BENCH_CP" \
  com.addonconfigurator.bench.SharedWritesProbe "${1:-rules}"
