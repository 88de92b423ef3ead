#!/usr/bin/env bash
# `npm run db:generate [-- --name short_name]`: regenerates db/pg/schema.ts from db/schema.ts,
# then lets drizzle-kit write each dialect's migration (nothing when nothing changed).
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx scripts/generate-pg-schema.ts
npx drizzle-kit generate --config drizzle.config.ts "$@"
npx drizzle-kit generate --config drizzle.pg.config.ts "$@"
