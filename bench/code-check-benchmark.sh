#!/usr/bin/env bash
# Status-code check benchmark (issue #4): (1) in-process verification with JMH, one thread;
# (2) POST /api/status/verify over HTTP with wrk (Debian package) on the same 2-core box.
# Usage: bench/code-check-benchmark.sh [connections] [seconds] [rounds]
# Env PINGJI_BENCH_JMH=0 skips the in-process part.
# Build first: ./mvnw -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh
connections=${1:-64}
seconds=${2:-30}
rounds=${3:-1}
data=${PINGJI_BENCH_DATA:-/tmp/bench-codes}
port=18081
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }

if [ "${PINGJI_BENCH_JMH:-1}" != 0 ]; then
echo "== in-process verification (JMH, 1 thread)"
./mvnw -q -B -pl app test -Dspotless.check.skip=true -Dtest=CodeVerifyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpingji.bench=true 2>&1 | grep -E "BENCH|ERROR"
fi

echo "== HTTP: wrk, $connections connections, ${seconds}s per run, $rounds round(s)"
mkdir -p "$data"
PINGJI_DATA_DIR="$data/pg" PINGJI_DEMO_PERSONS=20000 PORT=$port \
  "$JAVA_HOME/bin/java" -Xmx2g -jar app/target/pingji.jar --server.port=$port > "$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do sleep 1; done
bearer=$(curl -fs -u checkpoint1:demo -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "http://127.0.0.1:$port/api/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
person=$(curl -fs -u resident1:demo "http://127.0.0.1:$port/api/status/me" | sed -n 's/.*"personId":\([0-9]*\).*/\1/p')
code=$(curl -fs -u resident1:demo "http://127.0.0.1:$port/api/status/$person/code" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
basic=$(printf 'checkpoint1:demo' | base64)
# One wrk script per client kind: the code check (POST /api/status/verify) and a trivial
# authenticated GET (/api/me, no crypto, one small JSON) that shows the HTTP stack's own ceiling.
write_script() { # name method auth body
  {
    echo "wrk.method = \"$2\""
    [ -n "$4" ] && echo "wrk.body = '$4'" && echo 'wrk.headers["Content-Type"] = "application/json"'
    echo "wrk.headers[\"Authorization\"] = \"$3\""
  } > "$data/$1.lua"
}
write_script verify-token POST "Bearer $bearer" "{\"token\":\"$code\"}"
write_script verify-basic POST "Basic $basic" "{\"token\":\"$code\"}"
write_script me-token GET "Bearer $bearer" ""
write_script me-basic GET "Basic $basic" ""
run() { # script path
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$data/$1.lua" "http://127.0.0.1:$port$2" \
    | awk -v k="$1" '/Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
        END {printf "%-14s %10s req/s  p50 %8s  p99 %8s  non-2xx %s\n", k, r, p50, p99, (bad==""?0:bad)}'
}
# a warm-up of each path, then the measured rounds, interleaved so that the kinds share the box's state
for s in verify-token verify-basic me-token me-basic; do
  case $s in verify-*) path=/api/status/verify ;; *) path=/api/me ;; esac
  wrk -t2 -c"$connections" -d5s -s "$data/$s.lua" "http://127.0.0.1:$port$path" > /dev/null
done
for r in $(seq 1 "$rounds"); do
  echo "-- round $r"
  run verify-token /api/status/verify
  run verify-basic /api/status/verify
  run me-token /api/me
  run me-basic /api/me
done
curl -fs -u checkpoint1:demo -H 'Content-Type: application/json' -d "{\"token\":\"$code\"}" \
  "http://127.0.0.1:$port/api/status/verify"; echo
