#!/usr/bin/env bash
# Crash safety of the scan API (issues #3, #11): load the scan API, kill -9 the platform JVM
# alone in the middle (a crash, the OOM killer), start again at once on the same folder, then
# replay every scan that was sent. The embedded PostgreSQL must not outlive its JVM (watchdog,
# ADR 0011) and the new start must come up normally. Prints acknowledged / present / lost /
# duplicated; fails if an acknowledged scan is missing or a replay writes anything twice.
# Usage: bench/crash-test.sh [persons] [seconds-before-kill]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh
persons=${1:-100000}
seconds=${2:-8}
data=$(mktemp -d /tmp/pingji-crash.XXXX)
port=18282
out="$data/client"

start() {
  PINGJI_DATA_DIR="$data/pg" PINGJI_DEMO_PERSONS="$persons" PORT=$port \
    "$JAVA_HOME/bin/java" -jar app/target/pingji.jar >> "$data/app.log" 2>&1 &
  echo $! > "$data/app.pid"
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    sleep 0.5
    kill -0 "$(cat "$data/app.pid")" 2>/dev/null || { echo "platform died, see $data/app.log"; exit 1; }
  done
}
client() { # $1 = mode
  ./mvnw -q -B test -Dspotless.check.skip=true -Dtest=ScanLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dpingji.bench=true -Dpingji.bench.url=http://127.0.0.1:$port -Dpingji.bench.mode="$1" \
    -Dpingji.bench.dir="$out" 2>&1 | grep -E "BENCH|FAIL|expected" || true
}

echo "== data in $data, $persons persons"
start
client crash &
loader=$!
# Kill once scans are flowing: wait for the first acknowledgements, then a few seconds more.
until [ -s "$out/acked.txt" ]; do sleep 0.2; done
sleep "$seconds"
postmaster=$(head -1 "$data/pg/postmaster.pid")
echo "== kill -9 of the platform JVM only, after $(wc -l < "$out/acked.txt") acknowledged scans"
kill -9 "$(cat "$data/app.pid")"
wait $loader || true
echo "== restart at once on the same folder"
began=$(date +%s)
start
echo "== platform up again after $(( $(date +%s) - began )) s"
if kill -0 "$postmaster" 2>/dev/null; then echo "FAIL: PostgreSQL $postmaster of the killed platform still runs"; exit 1; fi
client verify
kill "$(cat "$data/app.pid")"; wait "$(cat "$data/app.pid")" 2>/dev/null || true
