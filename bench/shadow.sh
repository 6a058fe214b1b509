#!/usr/bin/env bash
# Live /api/v1/evaluate with a candidate ruleset in the shadow against the same jar without one:
# two servers side by side, loaded in turn (wrk -t2 -c32, the cart of bench/quote.lua), then a
# third with SHADOW_SAMPLE=1 under the same full load, whose live errors and drops are reported.
# The candidate changes a price, so that every shadow evaluation differs. Only loopback traffic.
#   usage: bench/shadow.sh            (needs wrk and curl: apt-get install wrk curl)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jvm-options.sh
JAVA_OPTS=${JAVA_OPTS:-$SHIPPED_JAVA_OPTS}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-45s}
ROUNDS=${ROUNDS:-3}
TOKEN=bench-admin-token-0123456789
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
[ -f target/addon-configurator.jar ] || mvn -B -ntp -q -DskipTests package
OUT=target/bench/shadow
rm -rf "$OUT"; mkdir -p "$OUT"
cp -r rules "$OUT/candidate"
sed -i 's/price: "30.00"     # \*/price: "35.00"/' "$OUT/candidate/catalog.yaml"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
serve() { # port, extra environment...
  local port=$1; shift
  env PORT="$port" RULES_WATCH=false RELOAD_SCENARIO_GATE=false ADMIN_TOKEN=$TOKEN "$@" \
    java $JAVA_OPTS -jar target/addon-configurator.jar > "$OUT/server-$port.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 1500); do curl -fs -o /dev/null "http://127.0.0.1:$port/ready" && return 0; sleep 0.01; done
  echo "server on $port not ready"; exit 1
}
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v); print v } else { sub(/s/, "", v); print v * 1000 } }'; }
errs() { awk '/^errors:/ {sub(/^errors: /, ""); print}' "$1"; }
load() { wrk -t2 -c32 -d"$DURATION" --latency -s bench/quote.lua "http://127.0.0.1:$1/api/v1/evaluate" > "$OUT/$2.txt"; }
counts() { curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$1/api/v1/rules/candidate" | sed 's/.*"counts":\({[^}]*}\).*/\1/'; }

serve 18091
serve 18092 RULES_CANDIDATE_DIR="$OUT/candidate" SHADOW_SAMPLE=0.1
echo "== warm-up: $WARMUP each"
wrk -t2 -c32 -d"$WARMUP" -s bench/quote.lua "http://127.0.0.1:18091/api/v1/evaluate" > /dev/null
wrk -t2 -c32 -d"$WARMUP" -s bench/quote.lua "http://127.0.0.1:18092/api/v1/evaluate" > /dev/null
echo "== wrk -t2 -c32 -d$DURATION: without a candidate, then with one at SHADOW_SAMPLE=0.1, $ROUNDS rounds"
for round in $(seq 1 "$ROUNDS"); do
  load 18091 "none-$round"; load 18092 "shadow-$round"
  a=$(rps "$OUT/none-$round.txt"); b=$(rps "$OUT/shadow-$round.txt")
  pa=$(ms "$(p99 "$OUT/none-$round.txt")"); pb=$(ms "$(p99 "$OUT/shadow-$round.txt")")
  echo "round $round: none $a req/s p99 ${pa} ms; shadow $b req/s p99 ${pb} ms;" \
       "ratio $(awk -v a="$b" -v b="$a" 'BEGIN {printf "%.3f", a/b}'), p99 ratio $(awk -v a="$pb" -v b="$pa" 'BEGIN {printf "%.2f", a/b}');" \
       "errors: $(errs "$OUT/none-$round.txt") / $(errs "$OUT/shadow-$round.txt")"
done
echo "shadow counts at SHADOW_SAMPLE=0.1: $(counts 18092)"
kill "${PIDS[@]}"; wait 2>/dev/null || true; PIDS=()

echo "== SHADOW_SAMPLE=1 under full load ($WARMUP warm-up, then $DURATION)"
serve 18093 RULES_CANDIDATE_DIR="$OUT/candidate" SHADOW_SAMPLE=1
wrk -t2 -c32 -d"$WARMUP" -s bench/quote.lua "http://127.0.0.1:18093/api/v1/evaluate" > /dev/null
load 18093 "all"
echo "live: $(rps "$OUT/all.txt") req/s, p99 $(p99 "$OUT/all.txt"), errors: $(errs "$OUT/all.txt")"
echo "shadow counts: $(counts 18093)"
