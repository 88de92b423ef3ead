/**
 * The PostgreSQL migrations (db/pg/migrations, generated from db/pg/schema.ts, itself
 * generated from db/schema.ts) on a throwaway cluster: they apply to an empty database, a
 * second run does nothing, four `db:migrate` processes at once leave one schema, and that
 * schema has every SQLite table with the same columns, keys, indexes and foreign keys.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getTableColumns, getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDb } from "#db/client";
import { appliedCount, MIGRATION_LOCK_KEY, migratePostgres, openPgPool } from "#db/pg/client";
import * as sqliteSchema from "#db/schema";
import { type PostgresCluster, startPostgresCluster } from "../../helpers/postgres-cluster";
import { postgresShape, sqliteShape } from "../../helpers/schema-shape";

const journal = JSON.parse(fs.readFileSync("db/pg/migrations/meta/_journal.json", "utf8")) as {
  entries: unknown[];
};
const migrationCount = journal.entries.length;

let cluster: PostgresCluster;
const pools: pg.Pool[] = [];
beforeAll(async () => {
  cluster = await startPostgresCluster();
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  cluster?.stop();
});

function pool(url: string): pg.Pool {
  const opened = openPgPool(url, {});
  pools.push(opened);
  return opened;
}

/** `npm run db:migrate`'s script as its own process, resolving with its exit and output. */
function migrateProcess(url: string): { child: ChildProcess; done: Promise<Outcome> } {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["db/migrate.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<Outcome>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}
interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe("PostgreSQL migrations", () => {
  /** A database migrated once, shared by the tests that only read its schema. */
  let reference: Promise<pg.Pool> | undefined;
  const migrated = () => {
    reference ??= (async () => {
      const db = pool(cluster.createDatabase("migrate_reference"));
      await migratePostgres(db);
      return db;
    })();
    return reference;
  };

  it("apply to an empty database", async () => {
    const db = pool(cluster.createDatabase("migrate_empty"));
    expect(await appliedCount(db)).toBe(0);
    expect(await migratePostgres(db)).toEqual({ applied: migrationCount });
    expect(await appliedCount(db)).toBe(migrationCount);
    const shape = await postgresShapeOf(db);
    expect(Object.keys(shape)).toContain("transactions");
    const fold = await db.query<{ f: string }>("SELECT fold_case('IŞIK') AS f");
    expect(fold.rows[0]?.f).toBe("isik");
  });

  it("applied again, change nothing and keep the data", async () => {
    const db = pool(cluster.createDatabase("migrate_twice"));
    await migratePostgres(db);
    const before = await postgresShapeOf(db);
    await db.query("INSERT INTO users (email, name, password_hash) VALUES ('a@b.c', 'A', 'x')");
    expect(await migratePostgres(db)).toEqual({ applied: 0 });
    expect(await appliedCount(db)).toBe(migrationCount);
    expect(await postgresShapeOf(db)).toEqual(before);
    const users = await db.query<{ email: string }>("SELECT email FROM users");
    expect(users.rows.map((r) => r.email)).toEqual(["a@b.c"]);
  });

  it("four db:migrate processes at once leave one schema, migrated once", async () => {
    const url = cluster.createDatabase("migrate_race");
    const db = pool(url);
    // Hold the migration lock until all four are waiting for it, so they really start
    // together, whatever the machine's speed.
    const holder = await db.connect();
    await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const processes = Array.from({ length: 4 }, () => migrateProcess(url));
    try {
      await vi.waitFor(
        async () => {
          const { rows } = await db.query<{ n: string }>(
            "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted",
            [MIGRATION_LOCK_KEY],
          );
          expect(Number(rows[0]?.n)).toBe(4);
        },
        { timeout: 90_000, interval: 100 },
      );
    } finally {
      await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      holder.release();
    }
    const outcomes = await Promise.all(processes.map((p) => p.done));
    for (const outcome of outcomes) expect(outcome, outcome.stderr).toMatchObject({ code: 0 });
    const applied = outcomes.map((o) => (JSON.parse(o.stdout) as { applied: number }).applied);
    expect(applied.sort()).toEqual([0, 0, 0, migrationCount]);
    expect(await appliedCount(db)).toBe(migrationCount);
    expect(await postgresShapeOf(db)).toEqual(await postgresShapeOf(await migrated()));
  });

  it("have every SQLite table with the same columns, keys, indexes and foreign keys", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-shape-"));
    try {
      const sqlite = openDb(path.join(dir, "shape.db"));
      const expected = sqliteShape(sqlite.$client);
      sqlite.$client.close();
      const actual = await postgresShapeOf(await migrated());
      expect(Object.keys(expected).length).toBeGreaterThan(30);
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      for (const table of Object.keys(expected)) {
        expect({ table, ...actual[table] }).toEqual({ table, ...expected[table] });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("give each column the PostgreSQL type its SQLite mode stands for", async () => {
    const db = await migrated();
    const { rows } = await db.query<{ t: string; c: string; type: string }>(
      "SELECT table_name AS t, column_name AS c, data_type AS type FROM information_schema.columns WHERE table_schema = 'public'",
    );
    const actual = new Map(rows.map((r) => [`${r.t}.${r.c}`, r.type]));
    const expected: Record<string, string[]> = {
      SQLiteInteger: ["integer", "bigint"],
      SQLiteTimestamp: ["timestamp with time zone"],
      SQLiteBoolean: ["boolean"],
      SQLiteReal: ["double precision"],
      SQLiteText: ["text"],
      SQLiteTextJson: ["jsonb"],
    };
    let checked = 0;
    const tables = Object.values(sqliteSchema as Record<string, unknown>).filter(
      (t): t is SQLiteTable => is(t, SQLiteTable),
    );
    for (const table of tables) {
      for (const column of Object.values(getTableColumns(table))) {
        const name = `${getTableName(table)}.${column.name}`;
        expect(expected[column.columnType], name).toContain(actual.get(name));
        checked += 1;
      }
    }
    expect(checked).toBe(rows.length);
    // Ids, and what refers to them, outgrow PostgreSQL's 32-bit integer; so do upload sizes.
    expect(actual.get("transactions.id")).toBe("bigint");
    expect(actual.get("transactions.customer_id")).toBe("bigint");
    expect(actual.get("datasets.file_bytes")).toBe("bigint");
    expect(actual.get("datasets.rows_read")).toBe("integer");
  });
});

async function postgresShapeOf(db: pg.Pool) {
  const client = await db.connect();
  try {
    return await postgresShape(client);
  } finally {
    client.release();
  }
}
