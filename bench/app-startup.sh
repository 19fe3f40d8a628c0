#!/usr/bin/env bash
# Time from `java -jar` to Tasklist answering HTTP 200, and the JVM's resident memory once it answers, on the
# embedded default (H2 file database in a fresh temporary folder, demo profile), side by side with a minimal Camunda
# starter app (bench/minimal-app: the same Spring Boot and Camunda, webapps and REST on H2, nothing of CreditDesk),
# both with the JVM options the README's run command uses (pom.xml property creditdesk.jvm.options), alternating,
# RUNS times each. Also, for CreditDesk, the time until the demo portfolio (seeded beside the started app on a
# first start) is complete, and the RSS then. Each app runs twice per round: as built (java -jar) and as the image runs
# it, with Spring Boot's class data sharing (the jar extracted, a CDS archive from a training run that stops after
# the context refresh). Prints the medians and the ratios.
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

# extracted jars and their CDS archives (training runs in a scratch directory: a fresh H2 file database)
cds=$(mktemp -d)
train() {
  local name=$1 app=$2 scratch
  java -Djarmode=tools -jar "$app" extract --destination "$cds/$name" > /dev/null
  scratch=$(mktemp -d)
  # shellcheck disable=SC2086
  (cd "$scratch" && java $jvm_options -XX:ArchiveClassesAtExit="$cds/$name/app.jsa" -Dspring.context.exit=onRefresh \
    -jar "$cds/$name/$(basename "$app")" --server.port=0 > "$scratch/train.log" 2>&1) || { tail -20 "$scratch/train.log" >&2; exit 1; }
  rm -rf "$scratch"
  echo "$cds/$name/$(basename "$app")"
}
minimal_cds=$(train minimal "$minimal")
creditdesk_cds=$(train creditdesk "$jar")

# start APP_JAR, wait for Tasklist; prints "ms rssKb pid"
measure() {
  local app=$1 work=$2 extra=${3:-} start end code pid jvm rss
  case "$app" in /*) ;; *) app="$PWD/$app" ;; esac
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$work" && exec java $jvm_options $extra -jar "$app" --server.port=$port > "$work/app.log" 2>&1) &
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

# stops the app and waits until its JVM is gone: the JVM runs in a process substitution, not as this shell's child,
# so `wait` cannot wait for it, and the next app must not find the port still answered by this one
stop() {
  local pid=$1 jvm=${2:-$1}
  kill "$pid" "$jvm" 2>/dev/null || true
  for _ in $(seq 1 600); do
    kill -0 "$jvm" 2>/dev/null || kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" "$jvm" 2>/dev/null || true
}

# the port must be free before an app starts, or the first answer would come from another one
port_free() {
  if curl -s -o /dev/null --max-time 2 "http://localhost:$port/"; then
    echo "app-startup: port $port is still answered by another process" >&2; exit 1
  fi
}

declare -A times
run_one() {
  local i=$1 label=$2 app=$3 extra=${4:-} work ms rss pid jvm start seeded rss2 sms
  work=$(mktemp -d)
  start=$(date +%s%N)
  port_free
  read -r ms rss pid jvm < <(measure "$app" "$work" "$extra")
  [ -n "${ms:-}" ] || { echo "app-startup: $label did not start" >&2; exit 1; }
  times[$label]="${times[$label]:-} $ms"
  if [[ $label == creditdesk* ]]; then
    # the demo portfolio is seeded beside the started app on a first start; health says UP once it is complete
    for _ in $(seq 1 1200); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/actuator/health" || true)" = 200 ] && break
      sleep 0.1
    done
    seeded=$(date +%s%N)
    rss2=$(awk '/VmRSS/ {print $2}' /proc/"$jvm"/status 2>/dev/null || echo 0)
    sms=$(( (seeded - start) / 1000000 ))
    echo "app-startup: run=$i app=$label secondsToTasklist=$(awk "BEGIN{printf \"%.1f\", $ms/1000}") rssMb=$((rss / 1024)) secondsToDemoPortfolio=$(awk "BEGIN{printf \"%.1f\", $sms/1000}") rssAfterPortfolioMb=$((rss2 / 1024))"
    results+=("{\"run\":$i,\"app\":\"$label\",\"secondsToTasklist\":$(awk "BEGIN{printf \"%.2f\", $ms/1000}"),\"rssMb\":$((rss / 1024)),\"secondsToDemoPortfolio\":$(awk "BEGIN{printf \"%.2f\", $sms/1000}"),\"rssAfterPortfolioMb\":$((rss2 / 1024))}")
  else
    echo "app-startup: run=$i app=$label secondsToTasklist=$(awk "BEGIN{printf \"%.1f\", $ms/1000}") rssMb=$((rss / 1024))"
    results+=("{\"run\":$i,\"app\":\"$label\",\"secondsToTasklist\":$(awk "BEGIN{printf \"%.2f\", $ms/1000}"),\"rssMb\":$((rss / 1024))}")
  fi
  stop "$pid" "$jvm"; rm -rf "$work"
}
for i in $(seq 1 "$runs"); do
  run_one "$i" minimal "$minimal"
  run_one "$i" creditdesk "$jar"
  run_one "$i" minimal-cds "$minimal_cds" "-XX:SharedArchiveFile=$(dirname "$minimal_cds")/app.jsa"
  run_one "$i" creditdesk-cds "$creditdesk_cds" "-XX:SharedArchiveFile=$(dirname "$creditdesk_cds")/app.jsa"
done
rm -rf "$cds"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
m() { median ${times[$1]}; }
secs() { awk "BEGIN{printf \"%.2f\", $1/1000}"; }
ratio=$(awk "BEGIN{printf \"%.2f\", $(m creditdesk)/$(m minimal)}")
ratio_cds=$(awk "BEGIN{printf \"%.2f\", $(m creditdesk-cds)/$(m minimal)}")
ratio_both_cds=$(awk "BEGIN{printf \"%.2f\", $(m creditdesk-cds)/$(m minimal-cds)}")
echo "app-startup: median secondsToTasklist minimal=$(secs "$(m minimal)") creditdesk=$(secs "$(m creditdesk)") minimal-cds=$(secs "$(m minimal-cds)") creditdesk-cds=$(secs "$(m creditdesk-cds)")"
echo "app-startup: ratio creditdesk/minimal=$ratio creditdesk-cds/minimal=$ratio_cds creditdesk-cds/minimal-cds=$ratio_both_cds jvmOptions=\"$jvm_options\""
mkdir -p bench/results
printf '{"benchmark":"app-startup","measuredAt":"%s","database":"h2-file","profile":"demo","cores":%s,"jvmOptions":"%s","medianSecondsToTasklist":{"minimal":%s,"creditdesk":%s,"minimalCds":%s,"creditdeskCds":%s},"ratios":{"creditdeskToMinimal":%s,"creditdeskCdsToMinimal":%s,"creditdeskCdsToMinimalCds":%s},"runs":[%s]}\n' \
  "$(date -u +%FT%TZ)" "$(nproc)" "$jvm_options" "$(secs "$(m minimal)")" "$(secs "$(m creditdesk)")" \
  "$(secs "$(m minimal-cds)")" "$(secs "$(m creditdesk-cds)")" "$ratio" "$ratio_cds" "$ratio_both_cds" \
  "$(IFS=,; echo "${results[*]}")" > bench/results/app-startup.json
echo "app-startup: written bench/results/app-startup.json"
