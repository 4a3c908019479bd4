#!/usr/bin/env bash
# Detection benchmark (issue #12): EARS C1, C2, C3 and the CIDARS moving percentile over 3,000
# series x 365 days (plus the history MPM reads), one thread pinned to one core (taskset -c 1),
# then R surveillance::earsC on 100 of the same kind of series for comparison.
# Usage: bench/detection-benchmark.sh [series]
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh
series=${1:-3000}
echo "nproc $(nproc); load $(cut -d' ' -f1-3 /proc/loadavg)"
taskset -c 1 ./mvnw -q -o -B -pl app test -Dspotless.check.skip=true -Dtest=DetectionBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dpingji.bench=true -Dpingji.bench.series="$series" 2>&1 \
  | grep -E "BENCH|ERROR"
if command -v Rscript >/dev/null; then
  taskset -c 1 Rscript bench/ears-r-timing.R 100
fi
echo "load after $(cut -d' ' -f1-3 /proc/loadavg)"
