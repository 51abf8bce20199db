#!/usr/bin/env bash
# The console's browser tests drive Debian's chromium package (Playwright never downloads a
# browser here). Sourced by scripts/dev.sh test and .ci/run: installs chromium and a CJK font
# (Chinese renders as boxes without one) with apt-get when missing and this user may; otherwise
# says what to install. CHROMIUM_PATH overrides /usr/bin/chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ -z "${CHROMIUM_PATH:-}" ]] && { ! command -v chromium >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; }; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "[chromium] apt-get install chromium fonts-noto-cjk fonts-liberation" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      chromium fonts-noto-cjk fonts-liberation >/dev/null
  else
    echo "[chromium] no chromium: install Debian's chromium and fonts-noto-cjk, or set CHROMIUM_PATH" >&2
  fi
fi
