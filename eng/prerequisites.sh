#!/usr/bin/env bash
# Installs what the tests need on a fresh machine and is a no-op where it is already there.
# Nothing here downloads anything but Debian packages (PLATFORM.md).
set -euo pipefail

need_apt=()
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
# Browser tests (report page, monitor page) run Debian's Chromium; Playwright never downloads a browser.
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# Without a Thai font Chromium draws Thai as boxes, and the report's font test fails.
dpkg -s fonts-noto-core >/dev/null 2>&1 || need_apt+=(fonts-noto-core)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages: ${need_apt[*]}. Install them with: sudo apt-get install -y ${need_apt[*]}" >&2
    exit 2
  fi
  echo "Installing ${need_apt[*]} (Debian packages)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
