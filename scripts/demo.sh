#!/usr/bin/env bash
# Command 1: install, build, migrate, seed the demo workspace with realistic data through the
# real import path, and start the web app and the job worker on http://localhost:3000.
# The demo's scrapers read a local copy of public pages (tests/fixture-site) on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

echo "==> building the app"
npm run --silent build >/dev/null 2>&1

echo "==> preparing the database"
npm run --silent db:migrate >/dev/null
export DEMO_FIXTURE_URL="http://127.0.0.1:${DEMO_FIXTURE_PORT:-4100}"
credentials=$(npm run --silent demo:seed)
bash scripts/load-demo-data.sh

export NODE_ENV=production
export PORT="${PORT:-3000}"
# The demo scrapes the local fixture site, which lives on a loopback address.
export SCRAPER_ALLOW_HOSTS="${SCRAPER_ALLOW_HOSTS:-127.0.0.1}"

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

node --import tsx tests/fixture-site/serve.ts --host 127.0.0.1 --port "${DEMO_FIXTURE_PORT:-4100}" >/dev/null &
pids+=($!)
node --import tsx jobs/worker.ts &
pids+=($!)
node --import tsx server.ts &
pids+=($!)

email=$(node -e 'console.log(JSON.parse(process.argv[1]).email)' "$credentials")
password=$(node -e 'console.log(JSON.parse(process.argv[1]).password)' "$credentials")
cat <<MSG

  Channelscope is starting on http://localhost:${PORT}
  Log in as   ${email}
  Password    ${password}
  (also kept in data/demo-credentials.json). Stop with Ctrl+C.

MSG
wait -n "${pids[@]}"
