#!/usr/bin/env bash
# The two commands of README.md, on a machine with any Node (or none) as long as it has npm:
#
#   bash scripts/dev.sh start        install, build and run: embedded PostgreSQL, in-process events,
#                                    sandbox clock, demo data (`npm start`)
#   bash scripts/dev.sh test [ARGS]  install, then every test against real PostgreSQL and Kafka, and
#                                    the console's in Debian's chromium (`npm test -- ARGS`; ARGS go
#                                    to Jest, or `browser` for the browser tests alone)
#
# Both first source scripts/ensure-node.sh (a supported Node first on PATH, installed from npm if
# need be), then run `npm ci` when node_modules is missing or older than package-lock.json.
# .ci/run ends with `bash scripts/dev.sh test`, so CI runs exactly what README.md gives.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

install_dependencies() {
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "[dev] npm ci" >&2
    npm ci --no-audit --no-fund
  fi
}

command="${1:-}"
[[ "$command" == start || "$command" == test ]] || usage
shift
# shellcheck source=ensure-node.sh
source scripts/ensure-node.sh
install_dependencies
case "$command" in
  start) exec npm start ;;
  test)
    # The console's browser tests run with no ARGS (or `browser`): Debian's chromium, installed when missing.
    if [[ $# -eq 0 || "${1:-}" == browser ]]; then
      # shellcheck source=ensure-chromium.sh
      source scripts/ensure-chromium.sh
    fi
    exec npm test -- "$@"
    ;;
esac
