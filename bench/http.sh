#!/usr/bin/env bash
# HTTP, start-up, reload and memory figures of the jar, with the JVM options the README and the
# Dockerfile ship, then the same HTTP load on a one-rule ruleset. Only loopback traffic; every loop is bounded.
#   usage: bench/http.sh            (needs wrk and curl: apt-get install wrk curl)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18099}
. bench/jvm-options.sh
JAVA_OPTS=${JAVA_OPTS:-$SHIPPED_JAVA_OPTS}
DURATION=${DURATION:-20s}
# Under full load on 2 cores the JIT compiler shares the CPU with the load, so the server needs
# about a minute of evaluations before its throughput settles (measured: 2k -> 9k req/s over 70 s).
WARMUP=${WARMUP:-90s}
TOKEN=bench-admin-token-0123456789
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
[ -f target/addon-configurator.jar ] || mvn -B -ntp -q -DskipTests package
OUT=target/bench
mkdir -p "$OUT"
# The server reads a copy of the rules, so that the reload figures can edit a DRL file.
RULES="$OUT/rules"
rm -rf "$RULES"; cp -r rules "$RULES"
# Both endpoints are asked as a browser asks them, accepting compressed answers (bench/evaluate.lua too).
ENCODINGS="gzip, deflate, br"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
start_server() {
  PORT=$PORT RULES_DIR=${SERVER_RULES:-$RULES} SCENARIOS_DIR=${SERVER_SCENARIOS:-${SERVER_RULES:-$RULES}/scenarios} RULES_WATCH=false ADMIN_TOKEN=$TOKEN RULES_CACHE_DIR=$CACHE java $JAVA_OPTS $EXTRA_OPTS -jar target/addon-configurator.jar > "$OUT/server.log" 2>&1 &
  SERVER=$!
}
wait_ready() {
  for _ in $(seq 1 1500); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/ready" && return 0
    sleep 0.01
  done
  echo "not ready"; cat "$OUT/server.log"; exit 1
}
stop_server() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }
trap 'kill "$SERVER" 2>/dev/null || true' EXIT

startup() {
  for _ in 1 2 3 4 5; do
    t0=$(now_ms); start_server; wait_ready; t1=$(now_ms); stop_server
    echo $((t1 - t0))
  done | median
}

echo "== start-up: process start to /ready 200, median of 5"
EXTRA_OPTS=""
CACHE=off
echo "rules compiled at each start (RULES_CACHE_DIR=off), no CDS: $(startup) ms"
CACHE="$OUT/rules-cache"
rm -rf "$CACHE"
RULES_CACHE_DIR=$CACHE java $JAVA_OPTS -jar target/addon-configurator.jar check "$RULES" > /dev/null  # keeps the compiled rules in $CACHE
# The first of these starts runs the scenarios and remembers that they passed; the others do not run them.
echo "compiled rules and the scenarios' pass from the cache, no CDS: $(startup) ms"
# The AppCDS archive is trained by a 'smoke' run: a real start and real requests over HTTP.
rm -f "$OUT/app.jsa"
RULES_CACHE_DIR=$CACHE java $JAVA_OPTS -XX:ArchiveClassesAtExit="$OUT/app.jsa" -jar target/addon-configurator.jar smoke "$RULES" > /dev/null 2>&1
EXTRA_OPTS="-XX:SharedArchiveFile=$OUT/app.jsa"
echo "compiled rules and the scenarios' pass from the cache, and an AppCDS archive (as the Dockerfile ships): $(startup) ms"

echo "== HTTP: wrk -t2 -c32 -d$DURATION, /health and /api/v1/evaluate alternating, after a $WARMUP warm-up"
start_server; wait_ready
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$SERVER/status"; }
echo "memory when ready: $(rss) MB"
wrk -t2 -c32 -d10s "http://127.0.0.1:$PORT/health" > /dev/null
wrk -t2 -c32 -d"$WARMUP" -s bench/evaluate.lua "http://127.0.0.1:$PORT/api/v1/evaluate" > /dev/null
# CPU per request, of the server (from /proc) and of wrk (bash's time), beside each run: both share
# the two cores, so the ratio of requests per second is the ratio of these sums.
TICK=$(getconf CLK_TCK)
server_cpu() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
load() { # name, wrk arguments...
  local name=$1; shift
  local c0; c0=$(server_cpu)
  { time wrk -t2 -c32 -d"$DURATION" --latency "$@" > "$OUT/$name.txt"; } 2> "$OUT/$name.wrk-cpu"
  echo "$(server_cpu) $c0" > "$OUT/$name.server-cpu"
}
TIMEFORMAT='%U %S'
alternate() { # prefix of the result files
  for round in 1 2; do
    load "$1health-$round" -H "Accept-Encoding: $ENCODINGS" "http://127.0.0.1:$PORT/health"
    load "$1evaluate-$round" -s bench/evaluate.lua "http://127.0.0.1:$PORT/api/v1/evaluate"
  done
}
alternate ""
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$1"; }
errs() { grep -E "Socket errors|Non-2xx" "$1" || echo "none"; }
reqs() { awk '/requests in/ {print $1}' "$1.txt"; }
cpu_us() { # name: "server X us + wrk Y us" of CPU per request
  awk -v r="$(reqs "$1")" -v t="$TICK" -v w="$(cat "$1.wrk-cpu")" '{split(w, u, " ");
    printf "server %.0f us + wrk %.0f us", ($1 - $2) / t * 1e6 / r, (u[1] + u[2]) * 1e6 / r}' "$1.server-cpu"
}
report() { # prefix of the result files
  for round in 1 2; do
    local f="$OUT/$1"
    h=$(rps "${f}health-$round.txt"); e=$(rps "${f}evaluate-$round.txt")
    hp=$(p99 "${f}health-$round.txt"); ep=$(p99 "${f}evaluate-$round.txt")
    echo "round $round: /health $h req/s (p99 ${hp} ms), /evaluate $e req/s (p99 ${ep} ms);" \
         "ratio $(awk -v a="$e" -v b="$h" 'BEGIN {printf "%.2f", a/b}'), p99 ratio $(awk -v a="$ep" -v b="$hp" 'BEGIN {printf "%.2f", a/b}');" \
         "errors: health $(errs "${f}health-$round.txt"), evaluate $(errs "${f}evaluate-$round.txt")"
    echo "  CPU per request: /health $(cpu_us "${f}health-$round"), /evaluate $(cpu_us "${f}evaluate-$round")"
  done
}
report ""
echo "memory after the load: $(rss) MB"

echo "== reload: POST /api/v1/rules/reload (build + scenarios + swap), median of 5"
reload() { curl -s -o /dev/null -w '%{time_total}\n' -X POST -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/rules/reload"; }
for i in 1 2 3 4 5; do
  echo "// bench edit $i" >> "$RULES/cart.drl"   # a new version: compiled, then gated by the scenarios
  reload
done | median | awk '{printf "after a DRL edit (compile + scenarios + swap): %.0f ms\n", $1 * 1000}'
for _ in 1 2 3 4 5; do reload; done | median | awk '{printf "unchanged folder (compiled rules and the scenarios\x27 pass from the cache + swap): %.0f ms\n", $1 * 1000}'
stop_server

# What HTTP, JSON and the response leave for the rules: the same jar and load with a ruleset of one
# rule (every item accepted; no scenarios), so that /evaluate costs all but the project's rules.
echo "== HTTP as above with a one-rule ruleset (what the HTTP layer alone gives), after a 45 s warm-up"
ONE="$OUT/one-rule"
rm -rf "$ONE"; mkdir -p "$ONE/none"
cp "$RULES/catalog.yaml" "$RULES/messages.yaml" "$ONE/"
cat > "$ONE/one.drl" <<'DRL'
package bench;
import com.addonconfigurator.rules.facts.*;
rule "Every item is accepted"
ruleflow-group "decisions"
when
    $item : Item()
then
    insert(new Accepted($item));
end
DRL
SERVER_RULES=$ONE SERVER_SCENARIOS=$ONE/none CACHE=off start_server; wait_ready
wrk -t2 -c32 -d45s -s bench/evaluate.lua "http://127.0.0.1:$PORT/api/v1/evaluate" > /dev/null
alternate "one-rule-"
report "one-rule-"
stop_server
