#!/usr/bin/env bash
# Risk-change benchmark (issue #4): 10,000,000 travel records, a notice making 5% of them
# high-risk arrivals; times the apply until every affected status is RED.
# Usage: bench/risk-change-benchmark.sh [persons]   (data kept in /tmp/bench-risk, fsync on)
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh
persons=${1:-10000000}
data=${PINGJI_BENCH_DATA:-/tmp/bench-risk}
mkdir -p "$data"
./mvnw -q -B -pl app test -Dspotless.check.skip=true -Dtest=RiskChangeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpingji.bench=true -Dpingji.bench.persons="$persons" -Dpingji.embedded-db.data-dir="$data/pg" 2>&1 \
  | grep -E "BENCH|Risk change|ERROR"
