/**
 * Turkish and Russian search on PostgreSQL: the fold_case() SQL function its migrations
 * create answers as db/fold-case.ts does, which SQLite calls under the same name, so one
 * query text finds the same people on both backends.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "#db/client";
import { foldCase } from "#db/fold-case";
import { migratePostgres, openPgPool } from "#db/pg/client";
import { type PostgresCluster, startPostgresCluster } from "../../helpers/postgres-cluster";

const names = [
  "Öykü Işık",
  "İrem Yılmaz",
  "IŞIL ÇAĞRI",
  "Алёна Ёлкина",
  "Пётр Соловьёв",
  "Йован Ильин",
  "Zoë Brontë",
  "Ivan Ivanov",
];

/** The app's search, written once: SQLite's `?` becomes `$1` for node-postgres. */
const search = "SELECT name FROM customers WHERE fold_case(name) LIKE fold_case(?)";

let cluster: PostgresCluster;
let pool: pg.Pool;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-fold-"));
const sqlite = openDb(path.join(dir, "fold.db"));

beforeAll(async () => {
  cluster = await startPostgresCluster();
  pool = openPgPool(cluster.createDatabase("fold_case"), {});
  await migratePostgres(pool);
  await pool.query("INSERT INTO workspaces (slug, name) VALUES ('w', 'W')");
  for (const name of names) {
    await pool.query("INSERT INTO customers (workspace_id, name) VALUES (1, $1)", [name]);
  }
  sqlite.$client.prepare("INSERT INTO workspaces (slug, name) VALUES ('w', 'W')").run();
  const insert = sqlite.$client.prepare("INSERT INTO customers (workspace_id, name) VALUES (1, ?)");
  for (const name of names) insert.run(name);
});
afterAll(async () => {
  await pool?.end();
  cluster?.stop();
  sqlite.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function onPostgres(pattern: string): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(search.replace("?", "$1"), [pattern]);
  return rows.map((r) => r.name).sort();
}

function onSqlite(pattern: string): string[] {
  return (sqlite.$client.prepare(search).pluck().all(pattern) as string[]).sort();
}

describe("fold_case on PostgreSQL", () => {
  it("folds Turkish İ/ı and Russian Ё as db/fold-case.ts does", async () => {
    const samples = [
      ...names,
      "İSTANBUL",
      "ıspanak",
      "I\u0307stanbul", // İ written as I + combining dot
      "ЁЖ ёж",
      "Crème\u00ADbrûlée\u200B",
      "ΟΔΟΣ",
      "ŞEKER Ğ",
    ];
    const { rows } = await pool.query<{ folded: string[] }>(
      "SELECT array(SELECT fold_case(s) FROM unnest($1::text[]) WITH ORDINALITY AS u(s, n) ORDER BY n) AS folded",
      [samples],
    );
    expect(rows[0]?.folded).toEqual(samples.map(foldCase));
    expect(rows[0]?.folded.slice(8, 12)).toEqual(["istanbul", "ispanak", "istanbul", "еж еж"]);
    const nulls = await pool.query<{ f: string | null }>("SELECT fold_case(NULL) AS f");
    expect(nulls.rows[0]?.f).toBeNull();
  });

  it("lets one search text find the same people on PostgreSQL and SQLite", async () => {
    const cases: [string, string[]][] = [
      ["%isik%", ["Öykü Işık"]],
      ["%IŞIK%", ["Öykü Işık"]],
      ["%irem%", ["İrem Yılmaz"]],
      ["%ışıl%", ["IŞIL ÇAĞRI"]],
      ["%cagri%", ["IŞIL ÇAĞRI"]],
      ["%алена%", ["Алёна Ёлкина"]],
      ["%ЁЛКИНА%", ["Алёна Ёлкина"]],
      ["%соловьев%", ["Пётр Соловьёв"]],
      // й keeps its mark: searching for и does not find Йован.
      ["иован%", []],
      ["%zoe%", ["Zoë Brontë"]],
      ["iv%", ["Ivan Ivanov"]],
    ];
    for (const [pattern, expected] of cases) {
      expect(await onPostgres(pattern), pattern).toEqual(expected);
      expect(onSqlite(pattern), pattern).toEqual(expected);
    }
  });
});
