/**
 * A fresh SQLite file per test file, migrated, installed as the process-wide database
 * that the app's server modules use. Removed after the file's tests.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { type Db, openDb, setDbForTesting } from "#db/client";

export function setUpTestDb(): { db: Db; file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-test-"));
  const file = path.join(dir, "test.db");
  process.env.DATABASE_URL = file;
  process.env.DATA_DIR = dir;
  const db = openDb(file);
  setDbForTesting(db);
  afterAll(() => {
    setDbForTesting(undefined);
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db, file, dir };
}
