#!/usr/bin/env bash
# Sensor intake benchmark (issue #12): MQTT publishers -> embedded broker (restarted mid-stream)
# -> PostgreSQL, then alarm latency to the open SSE console. In the test JVM (small demo county).
# Usage: bench/sensor-benchmark.sh [readings] [rate] [publishers] [restart: true|false] [broker: embedded|mosquitto]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "nproc $(nproc); load $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -o -B -pl app test -Dtest="$([ "${5:-embedded}" = mosquitto ] && echo SensorIntakeMosquittoBenchmark || echo SensorIntakeBenchmark)" -Dpingji.bench=true -Dspotless.check.skip=true \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.readings="${1:-200000}" -Dbench.rate="${2:-10000}" \
  -Dbench.publishers="${3:-4}" -Dbench.restart="${4:-true}" 2>&1 | grep -E '^BENCH|Tests run|FAIL' || true
echo "load after $(cut -d' ' -f1-3 /proc/loadavg)"
