#!/usr/bin/env bash
# Starts a single-node Apache Kafka 3.9.1 broker (KRaft, no ZooKeeper) on 127.0.0.1, for tests
# and local development on machines without Docker. Throwaway by default: its data lives in the
# run dir, which stop.sh deletes. With KAFKA_DATA_DIR it keeps its data there instead: stop.sh
# leaves that folder alone, and the next start on it reuses the formatted storage (same cluster
# id), so topics and messages survive a stop and start, on the same ports when they are free.
#
# Why this way: no Debian/npm package ships a Kafka broker, but Maven Central has it,
# so we fetch the jars with mvn (cached) and run kafka.Kafka directly with java.
#
# stdout: exactly two lines,  KAFKA_BROKERS=127.0.0.1:<port>  and  KAFKA_RUN_DIR=<dir>
#         (callers parse them; everything else goes to stderr).
# Stop it with: bash scripts/kafka/stop.sh <KAFKA_RUN_DIR>  (or, with KAFKA_DATA_DIR set, no argument)
# Env: KAFKA_PORT (fixed client port), KAFKA_DATA_DIR (keep the data there, see above),
#      TRADEHUB_CACHE (jar cache root, default ~/.cache/tradehub).
set -euo pipefail

KAFKA_VERSION=3.9.1
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE_DIR="${TRADEHUB_CACHE:-$HOME/.cache/tradehub}/kafka-${KAFKA_VERSION}"
LIBS="$CACHE_DIR/libs"

log() { echo "[kafka] $*" >&2; }
die() { echo "[kafka] ERROR: $*" >&2; exit 1; }
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

command -v java >/dev/null 2>&1 || die "java not found on PATH (need a JDK/JRE 17+, e.g. apt-get install openjdk-17-jre-headless)"

# --- 1. jars (only once per machine; the .complete marker guards against half-finished downloads)
if [[ ! -f "$LIBS/.complete" ]]; then
  command -v mvn >/dev/null 2>&1 || die "mvn not found on PATH and no cached jars in $LIBS (apt-get install maven)"
  log "fetching Kafka $KAFKA_VERSION jars into $LIBS (one-time)"
  mkdir -p "$CACHE_DIR"
  tmp_libs="$(mktemp -d "$CACHE_DIR/libs.tmp.XXXXXX")"
  t0=$EPOCHREALTIME
  # mvn output is kept for the error case only (Debian's mvn 3.8 prints stray ANSI resets even with -q).
  if ! mvn -B -q -f "$HERE/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$tmp_libs" > "$tmp_libs.log" 2>&1; then
    sed 's/\x1b\[[0-9;]*m//g' "$tmp_libs.log" >&2
    rm -rf "$tmp_libs" "$tmp_libs.log"
    die "mvn could not fetch the Kafka jars (output above)"
  fi
  rm -f "$tmp_libs.log"
  touch "$tmp_libs/.complete"
  # Swap in whole so a concurrent start.sh never sees a partial libs dir.
  if [[ -f "$LIBS/.complete" ]]; then rm -rf "$tmp_libs"; else rm -rf "$LIBS"; mv "$tmp_libs" "$LIBS"; fi
  log "fetched $(ls "$LIBS" | wc -l) jars in $(elapsed "$t0") s"
fi

# --- 2. a kept data dir: its storage (kraft/), the ports it last used and the run dir using it.
DATA_DIR=""
PREVIOUS_PORTS=()
if [[ -n "${KAFKA_DATA_DIR:-}" ]]; then
  mkdir -p "$KAFKA_DATA_DIR"
  DATA_DIR="$(cd "$KAFKA_DATA_DIR" && pwd)"
  running="$(cat "$DATA_DIR/run-dir" 2>/dev/null || true)"
  if [[ -n "$running" ]] && kill -0 "$(cat "$running/kafka.pid" 2>/dev/null || echo none)" 2>/dev/null; then
    die "a broker already runs on $DATA_DIR (KAFKA_RUN_DIR=$running); stop it with scripts/kafka/stop.sh"
  fi
  [[ ! -f "$DATA_DIR/ports" ]] || read -r -a PREVIOUS_PORTS < "$DATA_DIR/ports" || true
fi

# --- 3. ports: a TCP connect that fails means nobody listens there.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p i
  for i in $(seq 1 100); do
    # 20000-31999: below Linux's ephemeral range, so outgoing connections won't grab it later.
    p=$((20000 + RANDOM % 12000))
    [[ "$p" != "${1:-}" ]] && ! port_in_use "$p" && { echo "$p"; return 0; }
  done
  return 1
}
PORT="" CTRL_PORT=""
if [[ -n "${KAFKA_PORT:-}" ]]; then
  PORT="$KAFKA_PORT"
  ! port_in_use "$PORT" || die "KAFKA_PORT=$PORT is already in use"
elif [[ ${#PREVIOUS_PORTS[@]} -eq 2 ]] && ! port_in_use "${PREVIOUS_PORTS[0]}" && ! port_in_use "${PREVIOUS_PORTS[1]}"; then
  # The clients a developer configured for this data dir keep working after a restart.
  PORT="${PREVIOUS_PORTS[0]}" CTRL_PORT="${PREVIOUS_PORTS[1]}"
else
  PORT="$(free_port)" || die "no free loopback port found"
fi
[[ -n "$CTRL_PORT" && "$CTRL_PORT" != "$PORT" ]] || CTRL_PORT="$(free_port "$PORT")" || die "no free loopback port found for the controller"

# --- 4. fresh run dir with config; the data goes in it (throwaway: no state leaks between test
# runs) or in KAFKA_DATA_DIR (kept).
RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/tradehub-kafka.XXXXXX")"
LOG_DIRS="${DATA_DIR:+$DATA_DIR/kraft}"
LOG_DIRS="${LOG_DIRS:-$RUN_DIR/data}"
BROKER_PID=""
cleanup_on_error() {
  [[ -n "$BROKER_PID" ]] && kill -KILL "$BROKER_PID" 2>/dev/null || true
  rm -rf "$RUN_DIR"
}
trap 'rc=$?; if [[ $rc -ne 0 ]]; then cleanup_on_error; fi' EXIT
# Make INT/TERM go through the EXIT trap too, so an interrupted start leaves no broker behind.
trap 'exit 130' INT
trap 'exit 143' TERM

cat > "$RUN_DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CTRL_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CTRL_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$LOG_DIRS
num.partitions=1
# Single node: internal topics must have RF 1, else consumer groups never find a coordinator.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
# Tests join consumer groups constantly; don't wait 3 s for more members.
group.initial.rebalance.delay.ms=0
# The app creates its topics explicitly, but some tests rely on auto-create.
auto.create.topics.enable=true
num.network.threads=2
num.io.threads=2
EOF

# Root at WARN keeps the broker quiet; the two INFO loggers print the "started" lines we wait for.
cat > "$RUN_DIR/log4j.properties" <<'EOF'
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.BrokerServer=INFO
log4j.logger.kafka.server.KafkaRaftServer=INFO
EOF

JAVA_OPTS=(-Xms128m -Xmx512m -Djava.awt.headless=true
  "-Dlog4j.configuration=file:$RUN_DIR/log4j.properties" -cp "$LIBS/*")

# --- 5. format storage with a random cluster id (Kafka's Uuid: 16 random bytes, url-safe
# base64 without padding; a leading '-' would be read as a CLI option, so avoid it). A kept data
# dir that is already formatted is started as it is: formatting again would refuse it, and a new
# cluster id would orphan its data.
if [[ -f "$LOG_DIRS/meta.properties" ]]; then
  CLUSTER_ID="$(sed -n 's/^cluster\.id=//p' "$LOG_DIRS/meta.properties")"
  log "reusing $LOG_DIRS (cluster $CLUSTER_ID)"
else
  CLUSTER_ID="-"
  while [[ "$CLUSTER_ID" == -* ]]; do
    CLUSTER_ID="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  done
  if ! java "${JAVA_OPTS[@]}" kafka.tools.StorageTool format -t "$CLUSTER_ID" \
      -c "$RUN_DIR/server.properties" > "$RUN_DIR/format.log" 2>&1; then
    cat "$RUN_DIR/format.log" >&2
    die "kafka storage format failed"
  fi
fi

# --- 6. start in the background; output to a file so it never holds our caller's pipes open.
t0=$EPOCHREALTIME
java "${JAVA_OPTS[@]}" kafka.Kafka "$RUN_DIR/server.properties" \
  > "$RUN_DIR/kafka.log" 2>&1 < /dev/null &
BROKER_PID=$!
echo "$BROKER_PID" > "$RUN_DIR/kafka.pid"
log "broker pid $BROKER_PID, port $PORT, controller $CTRL_PORT, run dir $RUN_DIR${DATA_DIR:+, data dir $DATA_DIR}"
if [[ -n "$DATA_DIR" ]]; then
  echo "$PORT $CTRL_PORT" > "$DATA_DIR/ports"
  echo "$RUN_DIR" > "$DATA_DIR/run-dir"
fi

# --- 7. ready = "Kafka Server started" logged AND the client port accepts connections.
deadline=$((SECONDS + 60))
until grep -q "Kafka Server started" "$RUN_DIR/kafka.log" && port_in_use "$PORT"; do
  if ! kill -0 "$BROKER_PID" 2>/dev/null; then
    tail -n 40 "$RUN_DIR/kafka.log" >&2
    die "broker exited during startup (log above)"
  fi
  if (( SECONDS >= deadline )); then
    tail -n 40 "$RUN_DIR/kafka.log" >&2
    die "broker not ready after 60 s (log above)"
  fi
  sleep 0.2
done
log "broker ready in $(elapsed "$t0") s"

echo "KAFKA_BROKERS=127.0.0.1:$PORT"
echo "KAFKA_RUN_DIR=$RUN_DIR"
