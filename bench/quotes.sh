#!/usr/bin/env bash
# Quotes against evaluations, on the embedded database, in one run of the jar with the JVM options
# the README and the Dockerfile ship: POST /api/v1/quotes and POST /api/v1/evaluate alternating
# with the same cart (bench/quote.lua) and the same load, then /api/v1/evaluate alone against
# /api/v1/evaluate while a trickle of quotes is made. Only loopback traffic; every loop is bounded.
#   usage: bench/quotes.sh            (needs wrk and curl: apt-get install wrk curl)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18098}
. bench/jvm-options.sh
JAVA_OPTS=${JAVA_OPTS:-$SHIPPED_JAVA_OPTS}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-45s}
ROUNDS=${ROUNDS:-3}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
[ -f target/addon-configurator.jar ] || mvn -B -ntp -q -DskipTests package
OUT=target/bench/quotes
rm -rf "$OUT"; mkdir -p "$OUT"
URL="http://127.0.0.1:$PORT/api/v1"

PORT=$PORT DATA_DIR="$OUT/data" RULES_WATCH=false java $JAVA_OPTS -jar target/addon-configurator.jar > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 1500); do curl -fs -o /dev/null "$URL/../ready" && break; sleep 0.01; done

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
errs() { awk '/^errors:/ {sub(/^errors: /, ""); print}' "$1"; }
load() { # name, endpoint, extra wrk arguments
  wrk -t2 -c32 -d"$DURATION" --latency -s bench/quote.lua "$URL/$2" > "$OUT/$1.txt"
}

echo "== warm-up: $WARMUP of evaluations (no quote made yet, the database not yet opened)"
wrk -t2 -c32 -d"$WARMUP" -s bench/quote.lua "$URL/evaluate" > /dev/null
load evaluate-before evaluate
echo "/evaluate before any quote: $(rps "$OUT/evaluate-before.txt") req/s, p99 $(p99 "$OUT/evaluate-before.txt"), errors: $(errs "$OUT/evaluate-before.txt")"

echo "== wrk -t2 -c32 -d$DURATION, the same cart: /quotes then /evaluate, $ROUNDS rounds"
for round in $(seq 1 "$ROUNDS"); do
  load "quotes-$round" quotes
  load "evaluate-$round" evaluate
  q=$(rps "$OUT/quotes-$round.txt"); e=$(rps "$OUT/evaluate-$round.txt")
  echo "round $round: /quotes $q req/s (p99 $(p99 "$OUT/quotes-$round.txt"), errors: $(errs "$OUT/quotes-$round.txt")),"\
       "/evaluate $e req/s (p99 $(p99 "$OUT/evaluate-$round.txt"), errors: $(errs "$OUT/evaluate-$round.txt"));"\
       "quotes/evaluate $(awk -v a="$q" -v b="$e" 'BEGIN {printf "%.2f", a/b}')"
done

echo "== /evaluate at full load, alone and beside a trickle of quotes (one connection, one quote per 20 ms)"
cat > "$OUT/trickle.lua" <<'LUA'
dofile("bench/quote.lua")
function delay() return 20 end
LUA
for round in $(seq 1 "$ROUNDS"); do
  load "alone-$round" evaluate
  wrk -t1 -c1 -d"$DURATION" -s "$OUT/trickle.lua" "$URL/quotes" > "$OUT/trickle-$round.txt" &
  TRICKLE=$!
  load "beside-$round" evaluate
  wait "$TRICKLE"
  a=$(rps "$OUT/alone-$round.txt"); b=$(rps "$OUT/beside-$round.txt")
  echo "round $round: alone $a req/s, beside $(rps "$OUT/trickle-$round.txt") quotes/s $b req/s;"\
       "ratio $(awk -v a="$b" -v b="$a" 'BEGIN {printf "%.3f", a/b}');"\
       "errors: $(errs "$OUT/alone-$round.txt") / $(errs "$OUT/beside-$round.txt") / quotes $(errs "$OUT/trickle-$round.txt")"
done
echo "quotes kept: $(du -sh "$OUT/data" | cut -f1) on disk"
