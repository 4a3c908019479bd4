# Sourced by ./mvnw and .ci/run: make sure Maven runs on a JDK >= 21.
# Keeps JAVA_HOME when it already points at one; otherwise picks the newest JDK >= 21
# found under /usr/lib/jvm (these machines carry Temurin 25 beside the default 17).
pingji_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
if [ -z "${JAVA_HOME-}" ] || [ ! -x "${JAVA_HOME}/bin/java" ] || [ "$(pingji_java_major "$JAVA_HOME")" -lt 21 ]; then
  pingji_best=""
  pingji_best_major=0
  for pingji_candidate in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null); do
    [ -x "$pingji_candidate/bin/javac" ] || continue
    pingji_major=$(pingji_java_major "$pingji_candidate")
    if [ -n "$pingji_major" ] && [ "$pingji_major" -ge 21 ] && [ "$pingji_major" -gt "$pingji_best_major" ]; then
      pingji_best="$pingji_candidate"
      pingji_best_major=$pingji_major
    fi
  done
  if [ -n "$pingji_best" ]; then
    JAVA_HOME="$pingji_best"
    export JAVA_HOME
  elif command -v java >/dev/null 2>&1 && [ "$(pingji_java_major "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")" -ge 21 ]; then
    :
  else
    echo "Pingji needs a JDK >= 21: set JAVA_HOME" >&2
    exit 1
  fi
fi
