#!/usr/bin/env bash
# Scan surge benchmark (issue #3), all in one run on one data folder:
#   1. group commit, open loop at 20,000 scans/s offered by every table of the county (latency),
#   2. group commit, closed loop (every table sends its next batch when answered: saturation),
#   3. baseline: one transaction per scan, closed loop, on fewer persons.
# Usage: bench/scan-benchmark.sh [persons] [baseline-persons] [rate]
# Data: /tmp/bench1m (a demo county of 1,000,000 persons is generated on first start, ~60 s).
# Build first: ./mvnw -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh
data=${PINGJI_BENCH_DATA:-/tmp/bench1m}
persons=${1:-1000000}
baseline=${2:-20000}
rate=${3:-20000}
port=18080

start() { # $1 = extra JVM options
  PINGJI_DATA_DIR="$data/pg" PINGJI_DEMO_PERSONS=1000000 PORT=$port \
    "$JAVA_HOME/bin/java" -Xmx6g $1 -jar app/target/pingji.jar > "$data/app.log" 2>&1 &
  echo $! > "$data/app.pid"
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do sleep 1; done
}
stop() { kill "$(cat "$data/app.pid")"; wait "$(cat "$data/app.pid")" 2>/dev/null || true; }
run() { # $1 = persons, $2 = rate (0 = closed loop)
  ./mvnw -q -B test -Dspotless.check.skip=true -Dtest=ScanLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dpingji.bench=true -Dpingji.bench.url=http://127.0.0.1:$port -Dpingji.bench.persons="$1" \
    -Dpingji.bench.rate="$2" 2>&1 | grep BENCH
}

mkdir -p "$data"
start ""
echo "== group commit, open loop at $rate scans/s, $persons persons"
run "$persons" "$rate"
echo "== group commit, closed loop, $persons persons"
run "$persons" 0
stop
start "-Dpingji.testing.group-commit=false"
echo "== baseline: one transaction per scan, closed loop, $baseline persons"
run "$baseline" 0
stop
