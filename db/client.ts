/**
 * Opens the embedded SQLite database with the pragmas the app relies on and applies
 * pending migrations. One connection per process: better-sqlite3 is synchronous, and
 * SQLite in WAL mode lets the web process and the worker read while the other writes.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { foldCase } from "./fold-case";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const defaultDatabasePath = "./data/channelscope.db";

/** Where migrations live, found from this file so the CLI, worker and built server agree. */
export function migrationsFolder(): string {
  const candidates = [
    path.resolve(process.cwd(), "db/migrations"),
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), "migrations"),
  ];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "meta/_journal.json")));
  if (!found) throw new Error(`No migrations found (looked in ${candidates.join(", ")})`);
  return found;
}

export class UnsupportedDatabaseError extends Error {}

/**
 * The SQLite file DATABASE_URL names: a path, `file:path` or `sqlite:path`. A PostgreSQL URL
 * is refused with a message rather than taken for a file name (docs/decisions/031).
 */
export function databasePath(url = process.env.DATABASE_URL): string {
  if (!url) return defaultDatabasePath;
  if (/^postgres(ql)?:\/\//i.test(url))
    throw new UnsupportedDatabaseError(
      "DATABASE_URL names a PostgreSQL server, which this version cannot use yet: set it to a SQLite file path (or leave it unset for ./data/channelscope.db).",
    );
  return url.replace(/^(file|sqlite):(\/\/)?/i, "") || defaultDatabasePath;
}

export function openDb(file = databasePath(), options: { migrate?: boolean } = {}): Db {
  // Personal data of every tenant and password hashes: readable by this user only. SQLite
  // gives its -wal and -shm files the database file's permissions.
  if (file !== ":memory:") {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  }
  const sqlite = new Database(file);
  if (file !== ":memory:") fs.chmodSync(file, 0o600);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // A writer waits this long for another connection's write lock. Long enough for the
  // longest routine write, publishing a large transactions import (about 3 s per million
  // rows; docs/decisions/009), so a page that saves something waits instead of failing.
  sqlite.pragma("busy_timeout = 15000");
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
  sqlite.pragma("synchronous = NORMAL");
  // Case- and accent-insensitive search in Turkish and Russian (LIKE folds ASCII only):
  // fold_case(name) LIKE fold_case(?) finds "Öykü Işık" from "öykü" or "ISIK".
  sqlite.function("fold_case", { deterministic: true }, (value: unknown) =>
    typeof value === "string" ? foldCase(value) : value,
  );
  const db = drizzle(sqlite, { schema }) as Db;
  beginImmediateByDefault(db);
  if (options.migrate !== false) migrateDatabase(db);
  return db;
}

/**
 * Applies pending migrations. drizzle reads which are applied before it starts its
 * transaction, so two processes opening a fresh database at once (the web app and the
 * worker) may both try the first migration; the later one fails on "table already
 * exists" once the earlier commits. Reading again then finds nothing left to do, while a
 * migration that is itself broken fails the second time too.
 */
export function migrateDatabase(db: Db): void {
  const config = { migrationsFolder: migrationsFolder() };
  try {
    migrate(db, config);
  } catch {
    migrate(db, config);
  }
}

/**
 * Transactions begin IMMEDIATE unless the caller asks for another behaviour. Why: a
 * deferred transaction that reads and then writes cannot wait for another connection's
 * write lock (SQLite returns SQLITE_BUSY at once rather than call the busy handler, to
 * avoid a deadlock), so it failed with "database is locked" whenever the worker happened
 * to be writing, busy_timeout notwithstanding. IMMEDIATE takes the lock at BEGIN, where
 * busy_timeout applies. Covers drizzle's `db.transaction` and better-sqlite3's
 * `db.$client.transaction(fn)()`; `.deferred`, `.exclusive` and an explicit
 * `{ behavior }` still do what they say.
 */
function beginImmediateByDefault(db: Db): void {
  const sqlite = db.$client;
  const transaction = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: Parameters<typeof transaction>[0]) =>
    transaction(fn).immediate) as typeof sqlite.transaction;
  const drizzleTransaction = db.transaction.bind(db);
  db.transaction = ((run, config) =>
    drizzleTransaction(run, {
      ...config,
      behavior: config?.behavior ?? "immediate",
    })) as typeof db.transaction;
}

let shared: Db | undefined;

/** The process-wide connection, opened (and migrated) on first use. */
export function getDb(): Db {
  shared ??= openDb();
  return shared;
}

/** For tests: point the process-wide connection at another database file. */
export function setDbForTesting(db: Db | undefined): void {
  shared = db;
}
