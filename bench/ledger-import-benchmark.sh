#!/usr/bin/env bash
# Ledger import benchmark (issues #2, #11): 200,000 persons through POST /api/imports/persons
# into a 1,000,000-person county, end to end. With two jars, runs them alternately on the same
# data folder (A/B in the same session, each after a 20,000-person warm-up import).
# Usage: bench/ledger-import-benchmark.sh [rounds] [jar ...]   (default: app/target/pingji.jar)
# Build first: ./mvnw -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh
rounds=${1:-3}
shift || true
jars=("$@")
[ ${#jars[@]} -gt 0 ] || jars=(app/target/pingji.jar)
data=${PINGJI_BENCH_DATA:-/tmp/ledger-bench}
port=18080
mkdir -p "$data"
client() { # rows
  ./mvnw -q -o -B -pl app test -Dtest=LedgerImportBenchmark -Dpingji.bench=true -Dpingji.bench.rows="$1" \
    -Dpingji.bench.url=http://127.0.0.1:$port -Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
    2>&1 | sed -n 's/^BENCH ledger import: //p'
}
for r in $(seq 1 "$rounds"); do
  for jar in "${jars[@]}"; do
    PINGJI_DATA_DIR="$data/pg" PINGJI_DEMO_PERSONS=1000000 \
      "$JAVA_HOME/bin/java" -Xmx4g -jar "$jar" --server.port=$port > "$data/app.log" 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do sleep 1; done
    client 20000 > /dev/null
    load=$(cut -d' ' -f1 /proc/loadavg)
    echo "round $r $(basename "$jar"): $(client 200000) load $load"
    grep -h "Import:" "$data/app.log" | tail -2 | sed 's/.*LedgerImport *: /    /'
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
