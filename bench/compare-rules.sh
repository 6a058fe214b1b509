#!/usr/bin/env bash
# What a change to the rules costs: two rules folders side by side, with api.md's example cart,
#  - in process (JMH, the `bench` profile): the engine's and the service's median, one fork per
#    folder in turn, ROUNDS times;
#  - over HTTP: two servers (the jar, the shipped JVM options, each gated by its own scenarios), one
#    loaded at a time, wrk -t2 -c32 on /health and /api/v1/evaluate, the folders in turn, ROUNDS times,
#    with the server's CPU per request.
# The machine is noisy: compare the two folders within one run, never with another run's figures.
#   usage: bench/compare-rules.sh FOLDER_A FOLDER_B      (ROUNDS=3 DURATION=15s; needs wrk and curl)
#   e.g.:  cp -r rules /tmp/next  (edit /tmp/next), then: bench/compare-rules.sh rules /tmp/next
set -euo pipefail
[ $# -eq 2 ] || { sed -n '2,10p' "$0"; exit 2; }
A=$(realpath "$1"); B=$(realpath "$2")
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
. bench/jvm-options.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
OUT=target/bench/compare
rm -rf "$OUT"; mkdir -p "$OUT"
mvn -B -q -Pbench test-compile
[ -f target/addon-configurator.jar ] || mvn -B -ntp -q -DskipTests package

echo "== in process: median µs per evaluation (JMH, one fork per folder, in turn)"
for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    folder=${!side}
    mvn -B -q -Pbench exec:exec -Djmh.args="EvaluateBenchmark.engine$ EvaluateBenchmark.service -f 1 -wi 5 -i 5 -jvmArgsAppend -Drules=$folder -rf text -rff $PWD/$OUT/jmh-$side-$round.txt" > "$OUT/jmh-$side-$round.log"
    echo "round $round, $side ($folder): $(awk '$1 ~ /:p0.50$/ {sub(/EvaluateBenchmark\./, "", $1); sub(/:p0.50/, "", $1); printf "%s %s  ", $1, $(NF-1)}' "$OUT/jmh-$side-$round.txt")"
  done
done

echo "== over HTTP: wrk -t2 -c32 -d$DURATION, one server loaded at a time, after a 60 s warm-up each"
declare -A PORT_OF=([A]=18431 [B]=18432) PID_OF=()
trap 'kill "${PID_OF[@]}" 2>/dev/null || true' EXIT
for side in A B; do
  PORT=${PORT_OF[$side]} RULES_DIR=${!side} RULES_WATCH=false RULES_CACHE_DIR=off \
    java $SHIPPED_JAVA_OPTS -jar target/addon-configurator.jar > "$OUT/server-$side.log" 2>&1 &
  PID_OF[$side]=$!
done
for side in A B; do
  url="http://127.0.0.1:${PORT_OF[$side]}"
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$url/ready" && break; sleep 0.1; done
  curl -fs -o /dev/null "$url/ready" || { echo "server $side not ready:"; cat "$OUT/server-$side.log"; exit 1; }
  wrk -t2 -c32 -d60s -s bench/evaluate.lua "$url/api/v1/evaluate" > /dev/null
  wrk -t2 -c32 -d10s "$url/health" > /dev/null
done
TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    url="http://127.0.0.1:${PORT_OF[$side]}"
    line="round $round, $side:"
    for endpoint in health evaluate; do
      f="$OUT/http-$side-$endpoint-$round.txt"
      before=$(cpu_ticks "${PID_OF[$side]}")
      if [ $endpoint = health ]; then
        wrk -t2 -c32 -d"$DURATION" --latency -H "Accept-Encoding: gzip, deflate, br" "$url/health" > "$f"
      else
        wrk -t2 -c32 -d"$DURATION" --latency -s bench/evaluate.lua "$url/api/v1/evaluate" > "$f"
      fi
      line+=$(awk -v c="$(( $(cpu_ticks "${PID_OF[$side]}") - before ))" -v t="$TICK" -v e=$endpoint '
        /requests in/ {n = $1} /Requests\/sec/ {r = $2} $1 == "99%" {p = $2} /Socket errors|Non-2xx/ {err = err " [" $0 "]"}
        END {printf " /%s %.0f req/s, p99 %s, server %.0f µs a request%s;", e, r, p, c / t * 1e6 / n, err}' "$f")
    done
    echo "$line"
  done
done
