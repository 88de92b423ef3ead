#!/usr/bin/env bash
# Installs what Channelscope needs on a Debian machine with Node 20: npm packages (only
# when package-lock.json changed since the last install) and Debian's Chromium for the
# browser tests and browser-based scrapers (only when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null; then
  echo "Node.js 20 or newer is required (https://nodejs.org)." >&2
  exit 1
fi

stamp=node_modules/.channelscope-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || "$(cat "$stamp")" != "$want" ]]; then
  echo "==> npm ci (better-sqlite3 compiles from source: about a minute)"
  npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
fi

if [[ ! -x /usr/bin/chromium ]]; then
  echo "==> installing Debian's chromium"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
