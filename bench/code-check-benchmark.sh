#!/usr/bin/env bash
# Status-code check benchmark (issue #4): (1) in-process verification with JMH, one thread;
# (2) POST /api/status/verify over HTTP with wrk (Debian package) on the same 2-core box.
# Usage: bench/code-check-benchmark.sh [connections] [seconds]
# Build first: ./mvnw -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh
connections=${1:-64}
seconds=${2:-30}
data=${PINGJI_BENCH_DATA:-/tmp/bench-codes}
port=18081
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }

echo "== in-process verification (JMH, 1 thread)"
./mvnw -q -B -pl app test -Dspotless.check.skip=true -Dtest=CodeVerifyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpingji.bench=true 2>&1 | grep -E "BENCH|ERROR"

echo "== HTTP: wrk, $connections connections, ${seconds}s"
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
cat > "$data/verify.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"token":"$code"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $bearer"
LUA
# a warm-up, then the measured run
wrk -t2 -c"$connections" -d10s -s "$data/verify.lua" "http://127.0.0.1:$port/api/status/verify" > /dev/null
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$data/verify.lua" "http://127.0.0.1:$port/api/status/verify"
curl -fs -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' -d "{\"token\":\"$code\"}" \
  "http://127.0.0.1:$port/api/status/verify"; echo
