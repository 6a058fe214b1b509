#!/usr/bin/env bash
# Soak: N minutes of mixed valid and invalid traffic (bench/soak.lua) against the jar, while the
# rules folder is replaced every 5 s with a good and a broken version in turn and reloaded by the
# watcher and by the admin endpoint. Reports requests, responses by status, socket errors, the
# maximum latency, and the server's memory: resident every minute, and the JVM's own areas (heap,
# metaspace, code cache, classes loaded and unloaded) at start and end. Only loopback traffic; stops
# by itself. Runs the JVM options the service ships (as bench/http.sh does) unless JAVA_OPTS says otherwise.
#   usage: bench/soak.sh [MINUTES]   (default 10; needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
DURATION_S=${SOAK_SECONDS:-$((MINUTES * 60))}
PORT=${PORT:-18090}
. bench/jvm-options.sh
JAVA_OPTS=${JAVA_OPTS:-$SHIPPED_JAVA_OPTS}
TOKEN=soak-admin-token-0123456789
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
[ -f target/addon-configurator.jar ] || mvn -B -ntp -q -DskipTests package

WORK=$(mktemp -d)
SERVER="" RELOADER="" SAMPLER=""
trap 'kill "$SERVER" 2>/dev/null || true; kill "$RELOADER" 2>/dev/null || true; kill "$SAMPLER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cp -r rules "$WORK/good"
cp -r rules "$WORK/broken"
sed -i 's/    not Reason( item == $code )/    not Reason( item == )/' "$WORK/broken/cart.drl"
cp -r rules "$WORK/live"

PORT=$PORT RULES_DIR="$WORK/live" ADMIN_TOKEN=$TOKEN java $JAVA_OPTS -jar target/addon-configurator.jar > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "localhost:$PORT/ready" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "localhost:$PORT/ready" >/dev/null || { echo "the server did not get ready"; cat "$WORK/server.log"; exit 1; }
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$SERVER/status"; }
# The JVM's areas, from the service's own /metrics: heap, metaspace (with compressed class space),
# code cache, in MB, and the classes loaded now and unloaded so far.
jvm() {
  curl -s "localhost:$PORT/metrics" | awk '
    /^jvm_memory_used_bytes\{area="heap"/ { heap += $NF }
    /^jvm_memory_used_bytes\{area="nonheap",id="(Metaspace|Compressed Class Space)"/ { meta += $NF }
    /^jvm_memory_used_bytes\{area="nonheap",id="Code/ { code += $NF }
    /^jvm_classes_loaded_classes / { loaded = $NF }
    /^jvm_classes_unloaded_classes_total / { unloaded = $NF }
    END { printf "heap %.0f MB, metaspace %.0f MB, code cache %.0f MB, classes %d loaded, %d unloaded", heap/1048576, meta/1048576, code/1048576, loaded, unloaded }'
}
# warm up, then measure
wrk -t2 -c8 -d10s -s bench/soak.lua "http://127.0.0.1:$PORT" >/dev/null
echo "memory at start (after 10 s warm-up): $(rss) resident; $(jvm)"
( while sleep 60; do rss; echo; done > "$WORK/rss" ) &
SAMPLER=$!

(
  i=0
  while true; do
    sleep 5
    i=$((i+1))
    if [ $((i % 2)) = 1 ]; then src=broken; else src=good; fi
    cp "$WORK/$src/"*.drl "$WORK/live/"
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/v1/rules/reload"
  done
) &
RELOADER=$!

echo "soak: ${DURATION_S} s, 2 threads, 32 connections, reloading every 5 s (good and broken in turn)"
wrk -t2 -c32 -d"${DURATION_S}s" --timeout 5s -s bench/soak.lua "http://127.0.0.1:$PORT"
kill "$RELOADER" 2>/dev/null || true
kill "$SAMPLER" 2>/dev/null || true
echo "memory at end: $(rss) resident; $(jvm)"
echo "resident, minute by minute: $(paste -sd' ' "$WORK/rss" | sed 's/ MB/,/g; s/,$/ MB/')"
echo "reloads: $(grep -c 'active (was' "$WORK/server.log") loaded, $(grep -c 'refused' "$WORK/server.log") refused"
echo "server errors logged: $(grep -c ' ERROR ' "$WORK/server.log" || true)"
curl -s "localhost:$PORT/ready"; echo
