#!/usr/bin/env bash
# Time from `java -jar` to Tasklist answering HTTP 200, and the JVM's resident memory once it answers,
# on the embedded default (H2 file database in a fresh temporary folder, demo profile). Three runs. Also the time
# until the demo portfolio, seeded beside the started app on a first start, is complete, and the RSS then.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
mvn -q -DskipTests -Dlint.skip package
jar=$(ls target/creditdesk-*.jar | grep -v plain | head -1)
port=${PORT:-18080}
results=()
for i in $(seq 1 "$runs"); do
  work=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$work" && exec java -jar "$OLDPWD/$jar" --server.port=$port > "$work/app.log" 2>&1) &
  pid=$!
  code=000
  for _ in $(seq 1 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/camunda/app/tasklist/default/" || true)
    [ "$code" = 200 ] && break
    sleep 0.05
  done
  end=$(date +%s%N)
  jvm=$(pgrep -P "$pid" java || echo "$pid")
  rss=$(awk '/VmRSS/ {print $2}' /proc/"$jvm"/status 2>/dev/null || awk '/VmRSS/ {print $2}' /proc/"$pid"/status)
  # the demo portfolio is seeded beside the started app on a first start; health says UP once it is complete
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/actuator/health" || true)" = 200 ] && break
    sleep 0.1
  done
  seeded=$(date +%s%N)
  rss2=$(awk '/VmRSS/ {print $2}' /proc/"$jvm"/status 2>/dev/null || echo 0)
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  rm -rf "$work"
  [ "$code" = 200 ] || { echo "app-startup: Tasklist did not answer (last HTTP $code)" >&2; exit 1; }
  ms=$(( (end - start) / 1000000 ))
  sms=$(( (seeded - start) / 1000000 ))
  echo "app-startup: run=$i secondsToTasklist=$(awk "BEGIN{printf \"%.1f\", $ms/1000}") rssMb=$((rss / 1024)) secondsToDemoPortfolio=$(awk "BEGIN{printf \"%.1f\", $sms/1000}") rssAfterPortfolioMb=$((rss2 / 1024))"
  results+=("{\"run\":$i,\"secondsToTasklist\":$(awk "BEGIN{printf \"%.2f\", $ms/1000}"),\"rssMb\":$((rss / 1024)),\"secondsToDemoPortfolio\":$(awk "BEGIN{printf \"%.2f\", $sms/1000}"),\"rssAfterPortfolioMb\":$((rss2 / 1024))}")
done
mkdir -p bench/results
printf '{"benchmark":"app-startup","measuredAt":"%s","database":"h2-file","profile":"demo","cores":%s,"runs":[%s]}\n' \
  "$(date -u +%FT%TZ)" "$(nproc)" "$(IFS=,; echo "${results[*]}")" > bench/results/app-startup.json
echo "app-startup: written bench/results/app-startup.json"
