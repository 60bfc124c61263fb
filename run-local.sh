#!/usr/bin/env bash
# Runs Stillpoint on this machine: a Kafka broker, PostgreSQL and an SMTP server with a web inbox (real servers,
# embedded in one JVM), then booking-, notification- and newsletter-service, each in its own JVM.
# Ctrl-C stops everything. Data is kept in .local/ (STILLPOINT_DATA to change it).
#
# Standard Spring settings in the environment replace the embedded servers for every service, e.g.
#   SPRING_KAFKA_BOOTSTRAP_SERVERS=broker:9092  SPRING_DATASOURCE_URL=jdbc:postgresql://db/stillpoint
#   SPRING_MAIL_HOST=smtp.example.com SPRING_MAIL_PORT=587 SPRING_MAIL_USERNAME=... SPRING_MAIL_PASSWORD=...
# SKIP_BUILD=1 starts the jars built last time.
set -euo pipefail
cd "$(dirname "$0")"

data=${STILLPOINT_DATA:-.local}
logs="$data/logs"
mkdir -p "$logs"
java_opts=${STILLPOINT_JAVA_OPTS:--Xms32m -Xmx256m -Xmn96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building (./mvnw package, tests skipped; ./mvnw verify runs them)..."
  ./mvnw -B -q -Dmaven.test.skip=true package
fi

# Secrets generated on first run and kept, so that manage links and the staff login survive restarts.
secrets="$data/secrets.env"
if [ ! -f "$secrets" ]; then
  umask 077
  printf 'STILLPOINT_BOOKING_MANAGE_LINK_SECRET=%s\nSTILLPOINT_STAFF_PASSWORD=%s\n' \
    "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" "$(head -c 9 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$secrets"
fi
# the newsletter's link secret came later: add it to a data directory made before it
grep -q '^STILLPOINT_NEWSLETTER_TOKEN_SECRET=' "$secrets" || \
  printf 'STILLPOINT_NEWSLETTER_TOKEN_SECRET=%s\n' "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" >> "$secrets"
grep -q '^STILLPOINT_BOUNCES_WEBHOOK_SECRET=' "$secrets" || \
  printf 'STILLPOINT_BOUNCES_WEBHOOK_SECRET=%s\n' "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" >> "$secrets"
grep -q '^STILLPOINT_OPS_PASSWORD=' "$secrets" || \
  printf 'STILLPOINT_OPS_PASSWORD=%s\n' "$(head -c 9 /dev/urandom | od -An -tx1 | tr -d ' \n')" >> "$secrets"
set -a; . "$secrets"; set +a
export STILLPOINT_STAFF_USERNAME=${STILLPOINT_STAFF_USERNAME:-${STAFF_USERNAME:-staff}}
export STILLPOINT_STAFF_PASSWORD=${STAFF_PASSWORD:-$STILLPOINT_STAFF_PASSWORD}
export STILLPOINT_OPS_USERNAME=${STILLPOINT_OPS_USERNAME:-ops}

pids=()
stop_all() {
  local code=$?
  trap - INT TERM EXIT
  set +e
  trap '' PIPE   # stdout may be a pipe whose reader Ctrl-C already ended: stop the services all the same
  for (( i=${#pids[@]}-1; i>=0; i-- )); do kill "${pids[$i]}" 2>/dev/null || true; done
  echo; echo "Stopping..."
  wait 2>/dev/null || true
  echo "Stopped."
  exit "$code"
}
trap stop_all INT TERM EXIT

started=$(date +%s%N)
infra_args=(--data "$data")
[ -n "${SPRING_KAFKA_BOOTSTRAP_SERVERS:-}" ] && infra_args+=(--no-kafka)
[ -n "${SPRING_DATASOURCE_URL:-}" ] && infra_args+=(--no-postgres)
[ -n "${SPRING_MAIL_HOST:-}" ] && infra_args+=(--no-smtp)
if [ ${#infra_args[@]} -lt 5 ]; then
  java -Xmx512m -XX:+UseSerialGC -jar local-infra/target/local-infra-*-exec.jar "${infra_args[@]}" > "$logs/infrastructure.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 240); do
    grep -q "STILLPOINT INFRASTRUCTURE READY" "$logs/infrastructure.log" && break
    kill -0 "${pids[0]}" 2>/dev/null || { echo "Infrastructure failed to start:"; tail -20 "$logs/infrastructure.log"; exit 1; }
    sleep 0.25
  done
  grep -q "STILLPOINT INFRASTRUCTURE READY" "$logs/infrastructure.log" || { echo "Infrastructure did not start in time; see $logs/infrastructure.log"; exit 1; }
fi

services=(booking-service:8081 notification-service:8082 newsletter-service:8083)
# Class-data sharing (Spring Boot's CDS support): once per build, each jar is extracted and run once until its context
# is up, recording the classes it loaded in an archive that later starts map instead of loading them again (a service
# alone: 9 s from the jar, 4.5 s extracted with its archive). Delete $data/cds, or set STILLPOINT_CDS=0, to do without.
cds="$data/cds"
training=()
training_started=$(date +%s%N)
for entry in "${services[@]}"; do
  name=${entry%%:*}; jar=$(ls "$name"/target/"$name"-*-exec.jar)
  if [ "${STILLPOINT_CDS:-1}" = 1 ] && { [ ! -f "$cds/$name/app.jsa" ] || [ "$jar" -nt "$cds/$name/app.jsa" ]; }; then
    [ ${#training[@]} -eq 0 ] && echo "Preparing class-data archives (once per build)..."
    rm -rf "${cds:?}/$name"
    java -Djarmode=tools -jar "$jar" extract --destination "$cds/$name" > "$logs/$name-cds.log" 2>&1
    # shellcheck disable=SC2086
    # (it stops before starting anything: listeners, pollers, and db-scheduler, which would otherwise claim work)
    SERVER_PORT=0 java $java_opts -XX:ArchiveClassesAtExit="$cds/$name/app.jsa" -Dspring.context.exit=onRefresh \
      -Ddb-scheduler.delay-startup-until-context-ready=true -jar "$cds/$name/$(basename "$jar")" \
      >> "$logs/$name-cds.log" 2>&1 &
    training+=($!)
  fi
done
for pid in "${training[@]}"; do wait "$pid" || true; done
training_ms=$(( ($(date +%s%N) - training_started) / 1000000 ))
for entry in "${services[@]}"; do
  name=${entry%%:*}; jar=$(ls "$name"/target/"$name"-*-exec.jar)
  launch=(-jar "$jar")
  if [ "${STILLPOINT_CDS:-1}" = 1 ] && [ -f "$cds/$name/app.jsa" ]; then
    launch=(-XX:SharedArchiveFile="$cds/$name/app.jsa" -jar "$cds/$name/$(basename "$jar")")
  fi
  # shellcheck disable=SC2086
  java $java_opts "${launch[@]}" > "$logs/$name.log" 2>&1 &
  pids+=($!)
done
for entry in "${services[@]}"; do
  name=${entry%%:*}; port=${entry##*:}
  until curl -fs "http://localhost:$port/actuator/health/readiness" > /dev/null 2>&1; do
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "$name stopped during start-up; see $logs/"; tail -20 "$logs/$name.log"; exit 1; }
    done
    sleep 0.25
  done
done
# the archives' preparation, once per build, is told apart
ready_ms=$(( ($(date +%s%N) - started) / 1000000 - training_ms ))
prepared=""
[ ${#training[@]} -gt 0 ] && prepared=", after $((training_ms / 1000)) s preparing class-data archives"

next_slot=$(TZ=Europe/London date -d "next tuesday 10:00" --iso-8601=seconds)
if [ -n "${SPRING_MAIL_HOST:-}" ]; then
  mail_line="SMTP                  ${SPRING_MAIL_HOST}:${SPRING_MAIL_PORT:-25} (yours; no local inbox)"
else
  mail_line="inbox (SMTP :1025)    http://localhost:8025        JSON: http://localhost:8025/api/messages"
fi
cat <<INFO

Stillpoint is running (ready in $((ready_ms / 1000)).$(( ready_ms % 1000 / 100 )) s$prepared; logs in $logs/):
  Book a session        http://localhost:8081/book  (the emails' manage links open in the same browser)
  Staff home            http://localhost:8081/staff (one sign-in for every staff page: schedule, review, newsletter, ops)
  booking-service API   http://localhost:8081/api/session-types
  notification-service  http://localhost:8082/actuator/health
  newsletter-service    http://localhost:8083/actuator/health
  Newsletter staff      http://localhost:8083/staff (write, preview, publish; subscribers, CSV import/export)
  Ops console           http://localhost:8082/ops (topics, lag, dead letters, delivery log, scheduled work)
  Prometheus            http://localhost:808{1,2,3}/actuator/prometheus
  $mail_line
  Kafka                 ${SPRING_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}
  PostgreSQL            ${SPRING_DATASOURCE_URL:-jdbc:postgresql://localhost:5432/stillpoint}
  Staff login           $STILLPOINT_STAFF_USERNAME / $STILLPOINT_STAFF_PASSWORD
  Ops login             $STILLPOINT_OPS_USERNAME / $STILLPOINT_OPS_PASSWORD
  Waitlist, preferences http://localhost:8081/waitlist; each manage page links to the client's email preferences

Or book through the API, then watch the confirmation arrive in the inbox:
  curl -s localhost:8081/api/bookings -H 'Content-Type: application/json' -d '{
    "client": {"name": "Ada Lovelace", "email": "ada@example.com", "timeZone": "America/New_York"},
    "sessionType": "CST_60", "startsAt": "$next_slot", "newsletterOptIn": true,
    "screening": {"aneurysm": false, "cerebralHemorrhage": false, "bleedingDisorder": false, "intracranialPressure": false}}'

Every email of a booking, sent and planned (reminders, aftercare, check-in), in UTC and the client's time:
  curl -s -u $STILLPOINT_STAFF_USERNAME:$STILLPOINT_STAFF_PASSWORD localhost:8082/api/bookings/<booking id>/notifications

Each response carries its trace id in X-Trace-Id; the services log JSON lines with it (traceId), so
  grep <trace id> $logs/*.log
follows a booking from its request to the log line of its email.

Press Ctrl-C to stop.
INFO
wait -n "${pids[@]}" || true
echo "A process stopped unexpectedly; see $logs/."
