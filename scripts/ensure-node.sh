# Sourced, not run (`source scripts/ensure-node.sh`, by .ci/run and scripts/dev.sh): makes sure the
# `node` first on PATH satisfies package.json's engines (^22.22.3 || ^24.15.0 || >=26). If it does
# not (a machine's older Node, e.g. Debian's Node 20), it installs Node 24 from the npm package
# node-linux-<arch> (an official Node binary, so nothing but the npm registry is needed) into
# ${TRADEHUB_CACHE:-~/.cache/tradehub}/node, once, and puts it first on PATH for the caller.
# npm itself stays the machine's (npm 11 expected: it honours package.json's allowScripts).

_ensure_node_log() { echo "[node] $*" >&2; }

# True when the version (v24.21.0) is in the engines range; the range's strictest parts come from
# @nestjs/cli's schematics (^22.22.3 || ^24.15.0 || >=26) and testcontainers (>= 22.22).
node_supported() {
  local major minor patch
  IFS=. read -r major minor patch <<<"${1#v}"
  major="${major//[!0-9]/}" minor="${minor//[!0-9]/}" patch="${patch%%[!0-9]*}"
  [[ -n "$major" && -n "$minor" && -n "$patch" ]] || return 1
  ((major >= 26)) && return 0
  ((major == 24 && minor >= 15)) && return 0
  ((major == 22 && (minor > 22 || (minor == 22 && patch >= 3)))) && return 0
  return 1
}

ensure_node() {
  local current
  current="$(node -v 2>/dev/null || true)"
  if node_supported "$current"; then
    _ensure_node_log "node $current, npm $(npm -v 2>/dev/null || echo missing)"
    return 0
  fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *)
      _ensure_node_log "ERROR: node ${current:-missing} is not supported and no Node package exists for $(uname -m)"
      return 1
      ;;
  esac
  local dir="${TRADEHUB_CACHE:-$HOME/.cache/tradehub}/node"
  local bin="$dir/node_modules/node-linux-$arch/bin"
  if ! node_supported "$("$bin/node" -v 2>/dev/null || true)"; then
    command -v npm >/dev/null || {
      _ensure_node_log "ERROR: node ${current:-missing} is not supported and npm is missing (apt-get install npm)"
      return 1
    }
    _ensure_node_log "node ${current:-missing} is not supported (^22.22.3 || ^24.15.0 || >=26): installing node-linux-$arch@24 into $dir"
    mkdir -p "$dir"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$dir" "node-linux-$arch@24" >&2 || return 1
  fi
  # npm finds its global npmrc (the machine's CA and proxy settings) beside the node that runs it;
  # keep the machine's one after switching node.
  local globalconfig
  globalconfig="$(npm config get globalconfig 2>/dev/null || true)"
  [[ -f "$globalconfig" ]] && export npm_config_globalconfig="$globalconfig"
  export PATH="$bin:$PATH"
  hash -r
  _ensure_node_log "node $(node -v) from $bin, npm $(npm -v)"
}

ensure_node
