#!/usr/bin/env bash
# Command 1: install, build, migrate, seed the demo workspace, and start the app (and,
# once it exists, the job worker) on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

echo "==> building the app"
npm run --silent build >/dev/null

echo "==> preparing the database"
npm run --silent db:migrate
credentials=$(npm run --silent demo:seed)

export NODE_ENV=production
export PORT="${PORT:-3000}"

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if [[ -f jobs/worker.ts ]]; then
  npx tsx jobs/worker.ts &
  pids+=($!)
fi
npx tsx server.ts &
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
