#!/usr/bin/env bash
# Time from `java -jar` to Tasklist answering HTTP 200, and the JVM's resident memory once it answers, on the
# embedded default (H2 file database in a fresh temporary folder, demo profile), side by side with a minimal Camunda
# starter app (bench/minimal-app: the same Spring Boot and Camunda, webapps and REST on H2, nothing of CreditDesk),
# both with the JVM options the README's run command uses (pom.xml property creditdesk.jvm.options), alternating,
# RUNS times each. Also, for CreditDesk, the time until the demo portfolio (seeded beside the started app on a
# first start) is complete, and the RSS then. Prints the ratio of the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
mvn -q -DskipTests -Dlint.skip package
mvn -q -f bench/minimal-app/pom.xml -DskipTests package
jar=$(ls target/creditdesk-*.jar | grep -v plain | head -1)
minimal=$(ls bench/minimal-app/target/minimal-camunda-app-*.jar | grep -v plain | head -1)
jvm_options=$(sed -n 's:.*<creditdesk.jvm.options>\(.*\)</creditdesk.jvm.options>.*:\1:p' pom.xml)
port=${PORT:-18080}
results=()

# start APP_JAR, wait for Tasklist; prints "ms rssKb pid"
measure() {
  local app=$1 work=$2 start end code pid jvm rss
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$work" && exec java $jvm_options -jar "$OLDPWD/$app" --server.port=$port > "$work/app.log" 2>&1) &
  pid=$!
  code=000
  for _ in $(seq 1 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/camunda/app/tasklist/default/" || true)
    [ "$code" = 200 ] && break
    sleep 0.05
  done
  end=$(date +%s%N)
  [ "$code" = 200 ] || { echo "app-startup: $app did not answer (last HTTP $code)" >&2; tail -20 "$work/app.log" >&2; kill "$pid"; exit 1; }
  jvm=$(pgrep -P "$pid" java || echo "$pid")
  rss=$(awk '/VmRSS/ {print $2}' /proc/"$jvm"/status 2>/dev/null || awk '/VmRSS/ {print $2}' /proc/"$pid"/status)
  echo "$(( (end - start) / 1000000 )) $rss $pid $jvm"
}

stop() {
  kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true
}

minimal_ms=(); creditdesk_ms=()
for i in $(seq 1 "$runs"); do
  work=$(mktemp -d)
  read -r ms rss pid _ < <(measure "$minimal" "$work")
  stop "$pid"; rm -rf "$work"
  minimal_ms+=("$ms")
  echo "app-startup: run=$i app=minimal-camunda secondsToTasklist=$(awk "BEGIN{printf \"%.1f\", $ms/1000}") rssMb=$((rss / 1024))"
  results+=("{\"run\":$i,\"app\":\"minimal-camunda\",\"secondsToTasklist\":$(awk "BEGIN{printf \"%.2f\", $ms/1000}"),\"rssMb\":$((rss / 1024))}")

  work=$(mktemp -d)
  start=$(date +%s%N)
  read -r ms rss pid jvm < <(measure "$jar" "$work")
  # the demo portfolio is seeded beside the started app on a first start; health says UP once it is complete
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/actuator/health" || true)" = 200 ] && break
    sleep 0.1
  done
  seeded=$(date +%s%N)
  rss2=$(awk '/VmRSS/ {print $2}' /proc/"$jvm"/status 2>/dev/null || echo 0)
  stop "$pid"; rm -rf "$work"
  creditdesk_ms+=("$ms")
  sms=$(( (seeded - start) / 1000000 ))
  echo "app-startup: run=$i app=creditdesk secondsToTasklist=$(awk "BEGIN{printf \"%.1f\", $ms/1000}") rssMb=$((rss / 1024)) secondsToDemoPortfolio=$(awk "BEGIN{printf \"%.1f\", $sms/1000}") rssAfterPortfolioMb=$((rss2 / 1024))"
  results+=("{\"run\":$i,\"app\":\"creditdesk\",\"secondsToTasklist\":$(awk "BEGIN{printf \"%.2f\", $ms/1000}"),\"rssMb\":$((rss / 1024)),\"secondsToDemoPortfolio\":$(awk "BEGIN{printf \"%.2f\", $sms/1000}"),\"rssAfterPortfolioMb\":$((rss2 / 1024))}")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
m_min=$(median "${minimal_ms[@]}"); m_cd=$(median "${creditdesk_ms[@]}")
ratio=$(awk "BEGIN{printf \"%.2f\", $m_cd/$m_min}")
echo "app-startup: median secondsToTasklist creditdesk=$(awk "BEGIN{printf \"%.1f\", $m_cd/1000}") minimal=$(awk "BEGIN{printf \"%.1f\", $m_min/1000}") ratio=$ratio jvmOptions=\"$jvm_options\""
mkdir -p bench/results
printf '{"benchmark":"app-startup","measuredAt":"%s","database":"h2-file","profile":"demo","cores":%s,"jvmOptions":"%s","medianSecondsToTasklist":{"creditdesk":%s,"minimal":%s},"ratio":%s,"runs":[%s]}\n' \
  "$(date -u +%FT%TZ)" "$(nproc)" "$jvm_options" "$(awk "BEGIN{printf \"%.2f\", $m_cd/1000}")" \
  "$(awk "BEGIN{printf \"%.2f\", $m_min/1000}")" "$ratio" "$(IFS=,; echo "${results[*]}")" > bench/results/app-startup.json
echo "app-startup: written bench/results/app-startup.json"
