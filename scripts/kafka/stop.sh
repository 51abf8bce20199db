#!/usr/bin/env bash
# Stops a broker started by scripts/kafka/start.sh and deletes its run dir (config, log, and the
# data of a throwaway broker). A KAFKA_DATA_DIR is kept: the next start on it finds its topics.
# Usage: bash scripts/kafka/stop.sh <KAFKA_RUN_DIR>
#        KAFKA_DATA_DIR=<dir> bash scripts/kafka/stop.sh     (the broker running on that data dir)
# SIGTERM first so Kafka shuts down cleanly; SIGKILL after 10 s so a stuck JVM never
# keeps a test run (or CI) waiting.
set -euo pipefail

RUN_DIR="${1:-}"
if [[ -z "$RUN_DIR" && -n "${KAFKA_DATA_DIR:-}" ]]; then
  RUN_DIR="$(cat "$KAFKA_DATA_DIR/run-dir" 2>/dev/null || true)"
  [[ -n "$RUN_DIR" ]] || { echo "[kafka] no broker recorded in $KAFKA_DATA_DIR" >&2; exit 0; }
fi
[[ -n "$RUN_DIR" ]] || { echo "usage: stop.sh <KAFKA_RUN_DIR>, or KAFKA_DATA_DIR=<dir> stop.sh" >&2; exit 2; }
# Refuse to rm -rf anything that start.sh did not create.
[[ -f "$RUN_DIR/server.properties" ]] || { echo "[kafka] $RUN_DIR is not a kafka run dir" >&2; exit 1; }

PID="$(cat "$RUN_DIR/kafka.pid" 2>/dev/null || true)"
if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
  kill -TERM "$PID" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$PID" 2>/dev/null; then
    echo "[kafka] broker $PID still running after 10 s, sending SIGKILL" >&2
    kill -KILL "$PID" 2>/dev/null || true
  fi
fi
# The data of a kept data dir lives outside the run dir (log.dirs), so this leaves it alone.
DATA_DIR="$(sed -n 's/^log\.dirs=\(.*\)\/kraft$/\1/p' "$RUN_DIR/server.properties")"
if [[ -n "$DATA_DIR" && "$(cat "$DATA_DIR/run-dir" 2>/dev/null || true)" == "$RUN_DIR" ]]; then
  rm -f "$DATA_DIR/run-dir"
fi
rm -rf "$RUN_DIR"
