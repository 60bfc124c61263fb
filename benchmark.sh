#!/usr/bin/env bash
# The benchmark (README, "Performance"): builds the project, then runs benchmark/ against the packaged services, each in
# its own JVM, with Kafka and PostgreSQL in another and postfix's smtp-sink recording every email. Sizes are options:
#   ./benchmark.sh --slow-rate=50 --fast-rate=200 --seconds=60 --warm-up=30 --subscribers=100000 --backlog=100000 \
#                  --smtp-messages=50000 --kafka-records=500000 --output=target/benchmark
# Results: <output>/results.md, results.csv, latency.png and the logs of every JVM. SKIP_BUILD=1 uses the last build.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v smtp-sink > /dev/null && [ ! -x /usr/sbin/smtp-sink ]; then
  [ "$(id -u)" = 0 ] || { echo "postfix's smtp-sink is needed: sudo apt-get install postfix ('No configuration')"; exit 1; }
  echo "Installing postfix for smtp-sink and smtp-source (no mail system is configured)..."
  export DEBIAN_FRONTEND=noninteractive
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get install -y -q postfix > /dev/null || { apt-get update -q > /dev/null && apt-get install -y -q postfix > /dev/null; }
fi
export PATH="$PATH:/usr/sbin"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building (./mvnw package, tests skipped)..."
  ./mvnw -B -q -Dmaven.test.skip=true package
fi
exec java -Xmx1g -Djava.awt.headless=true -cp "$(ls benchmark/target/benchmark-*.jar | head -1):benchmark/target/lib/*" \
  dev.stillpoint.benchmark.Benchmark --root=. "$@"
