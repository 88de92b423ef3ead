#!/usr/bin/env bash
# Installs what Channelscope needs on a Debian machine with Node 20: npm packages (only
# when package-lock.json changed since the last install) and Debian's Chromium for the
# browser tests and browser-based scrapers, and Debian's PostgreSQL server binaries for the
# PostgreSQL test suite (each only when missing).
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

# The PostgreSQL suite starts its own throwaway cluster with initdb/pg_ctl (no service runs).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
  echo "==> installing Debian's postgresql (server binaries for the test cluster)"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
fi
