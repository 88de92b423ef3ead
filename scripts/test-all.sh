#!/usr/bin/env bash
# Command 2: install everything, then run every check and test: types, lint and format,
# unit and integration tests (vitest), and browser end-to-end tests (playwright driving
# Debian's Chromium against the built app). Ends with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
mkdir -p tmp

echo "==> typecheck";  npm run --silent typecheck
echo "==> lint";       npm run --silent lint
echo "==> unit and integration tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=tmp/vitest-results.json
echo "==> build";      npm run --silent build >/dev/null
echo "==> browser end-to-end tests"
PLAYWRIGHT_JSON_OUTPUT_NAME=tmp/playwright-results.json npx playwright test --reporter=list,json
node scripts/test-summary.mjs tmp/vitest-results.json tmp/playwright-results.json
