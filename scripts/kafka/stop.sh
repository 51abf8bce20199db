#!/usr/bin/env bash
# Stops a broker started by scripts/kafka/start.sh and deletes its run dir (data + logs).
# Usage: bash scripts/kafka/stop.sh <KAFKA_RUN_DIR>
# SIGTERM first so Kafka shuts down cleanly; SIGKILL after 10 s so a stuck JVM never
# keeps a test run (or CI) waiting.
set -euo pipefail

RUN_DIR="${1:?usage: stop.sh <KAFKA_RUN_DIR>}"
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
rm -rf "$RUN_DIR"
