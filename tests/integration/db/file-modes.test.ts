/** The database holds every tenant's personal data and password hashes: owner-only files. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDb } from "#db/client";

describe("openDb", () => {
  it("creates the data folder and database (with its WAL) readable by this user only", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-modes-"));
    const file = path.join(root, "data", "app.db");
    const db = openDb(file);
    try {
      db.$client.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      for (const name of [file, `${file}-wal`]) {
        expect(fs.statSync(name).mode & 0o777).toBe(0o600);
      }
    } finally {
      db.$client.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
