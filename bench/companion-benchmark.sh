#!/usr/bin/env bash
# Companion detection benchmark (issue #5): 1,000,000 phones x 14 days x 24 pings = 336 M rows, 50 case phones.
# Generates the Parquet pings once (not timed) into DATA_DIR, then times the job with each master in MASTERS
# and checks that the companions found are exactly the planted ones.
#   bench/companion-benchmark.sh [DATA_DIR]       env: PHONES (1000000), MASTERS ("local[1] local[2]"), HEAP (6g),
#                                                  JFR=1 records a flight recording per run beside the result
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR=${1:-/tmp/pingji-companion-bench}
PHONES=${PHONES:-1000000}
MASTERS=${MASTERS:-"local[1] local[2]"}
HEAP=${HEAP:-6g}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
export SPARK_LOCAL_IP=127.0.0.1

./mvnw -q -B -pl analytics package -DskipTests -Dspotless.check.skip=true
CP="analytics/target/classes:$(cat analytics/target/job-classpath.txt)"
mapfile -t FLAGS < analytics/target/classes/pingji-job-jvm-flags.txt
mkdir -p "$DATA_DIR"

if [ ! -f "$DATA_DIR/pings.parquet/_SUCCESS" ] || [ "$(cat "$DATA_DIR/phones" 2>/dev/null)" != "$PHONES" ]; then
  echo "generating $PHONES phones x 14 days x 24 pings into $DATA_DIR (not timed)"
  start=$(date +%s)
  "$JAVA" "${FLAGS[@]}" -Xmx"$HEAP" -cp "$CP" org.pingji.analytics.PingGenerator \
    --out "$DATA_DIR" --phones "$PHONES" --master "local[2]"
  echo "$PHONES" > "$DATA_DIR/phones"
  echo "generated in $(( $(date +%s) - start )) s, $(du -sh "$DATA_DIR/pings.parquet" | cut -f1) on disk"
fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $("$JAVA" -version 2>&1 | head -1)"
for master in $MASTERS; do
  echo "$(date -u +%FT%TZ) $master, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  out="$DATA_DIR/result-${master//[^a-z0-9]/}.json"
  jfr=()
  if [ "${JFR:-0}" = 1 ]; then jfr=("-XX:StartFlightRecording=filename=$out.jfr,settings=profile"); fi
  start=$(date +%s.%N)
  "$JAVA" "${FLAGS[@]}" "${jfr[@]}" -Xmx"$HEAP" -cp "$CP" org.pingji.analytics.CompanionJobMain \
    --master "$master" --pings "$DATA_DIR/pings.parquet" --case-phones-file "$DATA_DIR/case-phones.txt" \
    --from 2026-11-01T00:00:00Z --to 2026-11-15T00:00:00Z --out "$out" --shuffle-partitions 8 \
    2> "$out.log" | grep -v PROGRESS
  end=$(date +%s.%N)
  echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  grep "^companion " "$out.log" || true
  found=$(grep -o '"phone":"[0-9]*"' "$out" | cut -d'"' -f4 | sort)
  if [ "$found" == "$(sort "$DATA_DIR/expected-companions.txt")" ]; then verdict="exactly the planted $(echo "$found" | wc -l) companions"; else verdict="MISMATCH with the planted companions"; fi
  printf '%s: %.1f s wall, %s; usedRows and badRows: %s\n' "$master" "$(echo "$end - $start" | bc)" "$verdict" \
    "$(grep -o '"usedRows":[0-9]*,"badRows":{[^}]*}' "$out")"
done
