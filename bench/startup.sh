#!/usr/bin/env bash
# Start-to-health-UP time of the packaged platform on a fresh data folder (demo county generated).
# Usage: bench/startup.sh [runs] [persons]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh
runs=${1:-3}
persons=${2:-200000}
port=18181
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  start=$(date +%s.%N)
  PINGJI_DATA_DIR="$dir/pg" PINGJI_DEMO_PERSONS="$persons" PORT=$port \
    "$JAVA_HOME/bin/java" -jar app/target/pingji.jar > "$dir/app.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    sleep 0.2
    kill -0 $pid 2>/dev/null || { echo "platform died, see $dir/app.log"; exit 1; }
  done
  end=$(date +%s.%N)
  generated=$(grep -o 'Demo county generated: [0-9]* persons in [0-9]* ms' "$dir/app.log" || true)
  printf 'run %d: health UP after %.1f s (%s)\n' "$run" "$(echo "$end - $start" | bc)" "$generated"
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$dir"
done
