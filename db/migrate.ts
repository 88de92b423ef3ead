/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL and reports where. A
 * postgres:// URL applies db/pg/migrations under an advisory lock (db/pg/client.ts); anything
 * else names the SQLite file, as before.
 */
import { databasePath, openDb } from "./client";
import { isPostgresUrl, redactedPostgresUrl } from "./pg/url";

const url = process.env.DATABASE_URL;
if (isPostgresUrl(url)) {
  // Loaded only here, so the SQLite path never loads the PostgreSQL driver.
  const { migratePostgres, openPgPool } = await import("./pg/client");
  const pool = openPgPool(url);
  try {
    const { applied } = await migratePostgres(pool);
    console.log(JSON.stringify({ migrated: redactedPostgresUrl(url), applied }));
  } finally {
    await pool.end();
  }
} else {
  const file = databasePath();
  openDb(file).$client.close();
  console.log(JSON.stringify({ migrated: file }));
}
