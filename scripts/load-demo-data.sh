#!/usr/bin/env bash
# Loads the demo CSVs into the `demo` workspace through the real import path (the same CLI
# a script would use), once: a marker file in the data folder records that it was done.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir="${DATA_DIR:-./data}"
marker="$data_dir/demo-data-loaded"
[[ -f $marker ]] && { echo "==> demo data already loaded"; exit 0; }

echo "==> generating demo data (seeded, deterministic)"
npm run --silent demo:data -- --out "$data_dir/demo" >/dev/null

import() { # kind file [extra flags]
  local kind=$1 file=$2; shift 2
  local result
  result=$(npm run --silent cli -- import --workspace demo --kind "$kind" --file "$data_dir/demo/$file" "$@")
  node -e 'const r=JSON.parse(process.argv[1]);console.log(`    ${r.kind.padEnd(18)} ${String(r.rows_loaded).padStart(7)} loaded, ${String(r.rows_rejected).padStart(3)} rejected  (${r.encoding}, "${r.delimiter}", ${r.seconds}s)`)' "$result"
}
echo "==> importing into the demo workspace"
import products products.csv
import customers customers_online.csv --source online
import customers customers_offline.csv --source offline
import transactions transactions.csv
import campaigns campaigns.csv
import channel_audiences channel_audiences.csv
# A year of messages and what came of them; responses-truth.json beside it is not imported.
import responses responses.csv
touch "$marker"
