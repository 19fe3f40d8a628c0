#!/usr/bin/env bash
# CreditDesk browser end-to-end tests: starts the app jar once on embedded H2 and once on a throwaway
# PostgreSQL 15, drives Tasklist and Cockpit in headless Chromium (scenarios.mjs), stops everything again and
# prints a report. Usage: bash e2e/run.sh   (environment variables: see e2e/README.md)
set -euo pipefail

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$E2E_DIR")
SHOTS="$E2E_DIR/screenshots"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DATABASES=${E2E_DATABASES:-h2 postgres}
JAVA_OPTS=${E2E_JAVA_OPTS:--Xmx512m}
HEALTH_TIMEOUT=${E2E_HEALTH_TIMEOUT:-240}

log() { printf 'e2e: %s\n' "$*"; }
die() { printf 'e2e: %s\n' "$*" >&2; exit 2; }

TMP=
APP_PID=
NODE_PID=
PG_DIR=
AS_POSTGRES=()

# --- prerequisites ----------------------------------------------------------------------------------------------

for tool in java node npm curl; do
	command -v "$tool" >/dev/null || die "$tool is missing"
done

if [[ -n ${APP_JAR:-} ]]; then
	[[ -f $APP_JAR ]] || die "APP_JAR=$APP_JAR does not exist"
	jar=$APP_JAR
else
	jar=$(ls -t "$ROOT"/target/creditdesk-*.jar 2>/dev/null | head -n 1 || true)
	if [[ -z $jar ]]; then
		log "no target/creditdesk-*.jar: building it (mvn -q -DskipTests -Dlint.skip package)"
		(cd "$ROOT" && mvn -q -DskipTests -Dlint.skip package)
		jar=$(ls -t "$ROOT"/target/creditdesk-*.jar | head -n 1)
	fi
fi

if [[ ! -x $CHROMIUM ]]; then
	[[ $CHROMIUM == /usr/bin/chromium && $(id -u) -eq 0 ]] || die "no Chromium at $CHROMIUM"
	log "installing chromium (apt)"
	apt-get update -qq && apt-get install -y -qq chromium
fi

if [[ ! -d $E2E_DIR/node_modules/playwright-core ]]; then
	log "installing the locked npm packages (npm ci)"
	(cd "$E2E_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- app and database lifecycle -----------------------------------------------------------------------------------

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
		|| node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

# start_app LABEL [KEY=VALUE ...] -- [APP ARGUMENTS ...]: the JVM in a fresh working directory, PID in APP_PID
start_app() {
	local label=$1 env=() args=()
	shift
	while [[ $# -gt 0 && $1 != -- ]]; do env+=("$1"); shift; done
	[[ ${1:-} == -- ]] && shift
	args=("$@")
	APP_PORT=$(free_port)
	APP_LOG="$TMP/$label-app.log"
	mkdir -p "$TMP/$label-work"
	# exec: the PID we keep is the JVM's, so stopping it stops the app
	(cd "$TMP/$label-work" && exec env ${env[@]+"${env[@]}"} java $JAVA_OPTS -jar "$TMP/app.jar" \
		--server.port="$APP_PORT" ${args[@]+"${args[@]}"}) >"$APP_LOG" 2>&1 &
	APP_PID=$!
	local started=$SECONDS
	until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health"; do
		if ! kill -0 "$APP_PID" 2>/dev/null; then
			log "$label: the app stopped while starting; last lines of its log:"
			tail -n 30 "$APP_LOG" >&2
			APP_PID=
			return 1
		fi
		if ((SECONDS - started >= HEALTH_TIMEOUT)); then
			log "$label: /actuator/health did not answer 200 within $HEALTH_TIMEOUT s; last lines of the log:"
			tail -n 30 "$APP_LOG" >&2
			return 1
		fi
		sleep 1
	done
	APP_START_SECONDS=$((SECONDS - started))
}

stop_app() {
	[[ -n $APP_PID ]] || return 0
	if kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID" 2>/dev/null || true
		for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
		kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID" 2>/dev/null
	fi
	wait "$APP_PID" 2>/dev/null || true
	APP_PID=
}

start_postgres() {
	if [[ ! -x $PG_BIN/initdb ]]; then
		[[ $(id -u) -eq 0 ]] || die "no PostgreSQL server binaries in $PG_BIN (install the Debian package postgresql)"
		log "installing postgresql (apt)"
		apt-get update -qq && apt-get install -y -qq postgresql
	fi
	PG_DIR=$(mktemp -d /tmp/creditdesk-e2e-pg.XXXXXX)
	if [[ $(id -u) -eq 0 ]]; then
		# initdb refuses to run as root: the cluster belongs to the postgres system user
		id -u postgres >/dev/null 2>&1 || useradd --system postgres
		chown postgres "$PG_DIR"
		AS_POSTGRES=(runuser -u postgres --)
	fi
	PG_PORT=$(free_port)
	PG_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
	(
		cd "$PG_DIR"
		umask 077
		printf '%s\n' "$PG_PASSWORD" >"$PG_DIR/pwfile"
		[[ $(id -u) -eq 0 ]] && chown postgres "$PG_DIR/pwfile"
		${AS_POSTGRES[@]+"${AS_POSTGRES[@]}"} "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" \
			--auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
			|| { cat "$PG_DIR/initdb.log" >&2; exit 1; }
		rm -f "$PG_DIR/pwfile"
		${AS_POSTGRES[@]+"${AS_POSTGRES[@]}"} "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
			-o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null \
			|| { cat "$PG_DIR/postgres.log" >&2; exit 1; }
		${AS_POSTGRES[@]+"${AS_POSTGRES[@]}"} "$PG_BIN/createdb" -h "$PG_DIR" -p "$PG_PORT" -U postgres creditdesk
	)
}

stop_postgres() {
	[[ -n $PG_DIR ]] || return 0
	if [[ -f $PG_DIR/data/postmaster.pid ]]; then
		(cd "$PG_DIR" && ${AS_POSTGRES[@]+"${AS_POSTGRES[@]}"} "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null) || true
	fi
	rm -rf "$PG_DIR"
	PG_DIR=
}

cleanup() {
	# the scenarios first (Playwright closes its Chromium on TERM), then the app and the database
	if [[ -n $NODE_PID ]] && kill -0 "$NODE_PID" 2>/dev/null; then
		kill "$NODE_PID" 2>/dev/null || true
		wait "$NODE_PID" 2>/dev/null || true
	fi
	stop_app
	stop_postgres
	[[ -n $TMP ]] && rm -rf "$TMP"
	return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- one database -------------------------------------------------------------------------------------------------

# run_db DB: app up, scenarios, app down; results in screenshots/DB/
run_db() {
	local db=$1 phase_started=$SECONDS status=0
	local out="$SHOTS/$db"
	rm -rf "$out"
	mkdir -p "$out"
	APP_START_SECONDS=
	APP_LOG=
	case $db in
		h2)
			start_app h2 || status=$?
			;;
		postgres)
			if start_postgres; then
				start_app postgres \
					POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/creditdesk" POSTGRES_USER=postgres \
					POSTGRES_PASSWORD="$PG_PASSWORD" -- --spring.profiles.active=postgres,demo || status=$?
			else
				log "postgres: could not start PostgreSQL"
				status=1
			fi
			;;
		*) die "unknown database '$db' in E2E_DATABASES (h2, postgres)" ;;
	esac
	if [[ $status -eq 0 ]]; then
		log "$db: app up on port $APP_PORT after ${APP_START_SECONDS} s ($(basename "$jar"))"
		# in the background so that a TERM or INT reaches the trap at once, not after the scenarios
		BASE_URL="http://localhost:$APP_PORT" DB=$db SHOTS_DIR="$out" CHROMIUM=$CHROMIUM \
			node "$E2E_DIR/scenarios.mjs" &
		NODE_PID=$!
		wait "$NODE_PID" || status=$?
		NODE_PID=
	fi
	stop_app
	[[ $db == postgres ]] && stop_postgres
	[[ -f ${APP_LOG:-} ]] && cp "$APP_LOG" "$out/app.log"
	printf '{"db":"%s","appStartSeconds":%s,"seconds":%s,"jar":"%s"}\n' "$db" "${APP_START_SECONDS:-null}" \
		$((SECONDS - phase_started)) "$(basename "$jar")" >"$out/run.json"
	return 0
}

TMP=$(mktemp -d /tmp/creditdesk-e2e.XXXXXX)
cp "$jar" "$TMP/app.jar"
mkdir -p "$SHOTS"
for db in $DATABASES; do
	run_db "$db"
done

if [[ ${E2E_UPDATE_DOCS:-} == 1 ]]; then
	source_db=${DATABASES%% *}
	for pair in start-form-filled:tasklist-start-form application-form:tasklist-application \
		cockpit-credit-grade-instance:cockpit-decision; do
		shot=$(ls "$SHOTS/$source_db"/*-"${pair%%:*}".png 2>/dev/null | head -n 1 || true)
		[[ -n $shot ]] && cp "$shot" "$ROOT/docs/${pair##*:}.png" && log "docs/${pair##*:}.png updated"
	done
fi

# prints the summary line "e2e: N passed, M failed", writes screenshots/report.md, exits 1 on any failure
node "$E2E_DIR/report.mjs" "$SHOTS" $DATABASES
