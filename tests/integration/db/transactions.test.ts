/**
 * Transactions while another connection writes (the worker, a CLI import): a transaction
 * that reads before it writes must wait for the write lock like a single write does, not
 * fail at once with "database is locked". The other connection lives in a worker thread,
 * so it can hold the lock while this thread's transaction waits for it.
 */
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDb } from "#db/client";
import { workspaces } from "#db/schema";

// Takes the write lock, says so, waits for the go-ahead, holds the lock `holdMs` longer.
const lockHolder = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file);
db.exec("BEGIN IMMEDIATE");
db.prepare("INSERT INTO workspaces (slug, name) VALUES ('held', 'Held')").run();
parentPort.postMessage("locked");
const flag = new Int32Array(workerData.flag);
Atomics.wait(flag, 0, 0);
Atomics.wait(flag, 0, 1, workerData.holdMs);
db.exec("COMMIT");
db.close();
`;

/** Another connection holding the write lock until `holdMs` after `holdFromNow()`. */
async function anotherWriter(file: string, holdMs: number) {
  const flag = new SharedArrayBuffer(4);
  const worker = new Worker(lockHolder, { eval: true, workerData: { file, flag, holdMs } });
  const exited = once(worker, "exit");
  await once(worker, "message");
  return {
    holdFromNow() {
      Atomics.store(new Int32Array(flag), 0, 1);
      Atomics.notify(new Int32Array(flag), 0);
    },
    exited,
  };
}

let dir: string;
let file: string;
let db: Db;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-tx-"));
  file = path.join(dir, "tx.db");
  db = openDb(file);
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const slugs = () =>
  db
    .select({ slug: workspaces.slug })
    .from(workspaces)
    .all()
    .map((w) => w.slug)
    .sort();

describe("transactions against a busy database", () => {
  it("drizzle: check-then-insert waits for the other writer instead of failing", async () => {
    const other = await anotherWriter(file, 300);
    other.holdFromNow();
    const created = db.transaction((tx) => {
      const taken = tx.select().from(workspaces).where(eq(workspaces.slug, "mine")).get();
      if (taken) throw new Error("taken");
      return tx.insert(workspaces).values({ slug: "mine", name: "Mine" }).returning().get();
    });
    await other.exited;
    expect(created.slug).toBe("mine");
    expect(slugs()).toEqual(["held", "mine"]);
  });

  it("better-sqlite3: a transaction function waits the same way", async () => {
    const sqlite = db.$client;
    const other = await anotherWriter(file, 300);
    other.holdFromNow();
    const count = sqlite.prepare("SELECT count(*) AS n FROM workspaces");
    const insert = sqlite.prepare("INSERT INTO workspaces (slug, name) VALUES (?, ?)");
    const addNumbered = sqlite.transaction(() => {
      const { n } = count.get() as { n: number };
      insert.run(`ws-${n + 1}`, "Numbered");
    });
    addNumbered();
    await other.exited;
    // The count was read after the other writer's row had been committed.
    expect(slugs()).toEqual(["held", "ws-2"]);
  });
});
