/**
 * The web app and the worker may open a fresh database at the same moment, and both
 * migrate it. drizzle reads which migrations are applied before it starts applying them,
 * so the later process used to fail on "table already exists". Here the other process's
 * whole migration is made to happen exactly in that gap.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDb } from "#db/client";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-migrate-race-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("migrating a fresh database from two processes at once", () => {
  it("the later one finds the work done instead of failing", () => {
    const file = path.join(root, "race.db");
    const late = openDb(file, { migrate: false });
    const prepare = late.$client.prepare.bind(late.$client);
    let raced = false;
    // When the late migrator has read what is applied and begins its transaction, the
    // other one migrates everything first.
    late.$client.prepare = ((sql: string) => {
      if (!raced && sql.trim().toUpperCase() === "BEGIN") {
        raced = true;
        openDb(file).$client.close();
      }
      return prepare(sql);
    }) as typeof late.$client.prepare;
    try {
      expect(() => migrateDatabase(late)).not.toThrow();
      expect(raced).toBe(true);
      const journal = JSON.parse(fs.readFileSync("db/migrations/meta/_journal.json", "utf8")) as {
        entries: unknown[];
      };
      const applied = late.$client
        .prepare("SELECT count(*) FROM __drizzle_migrations")
        .pluck()
        .get();
      expect(applied).toBe(journal.entries.length);
    } finally {
      late.$client.close();
    }
  });
});
