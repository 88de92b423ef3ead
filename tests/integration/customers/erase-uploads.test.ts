/**
 * Erasure and files: a stored upload that mentions the person is deleted (one that does
 * not is kept), and an erasure waits for an import in progress instead of racing it.
 */

import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import { enqueue } from "#jobs/queue";
import { ErasureBlockedError, eraseCustomer } from "~/customers/erase.server";
import { upsertCustomerBatch } from "~/customers/merge.server";
import { englishMessage } from "~/i18n/english";
import { setUpTestDb } from "../../helpers/test-db";
import { createDataset, createWorkspace, customerRow } from "./support";

const { db, dir } = setUpTestDb();

function seedPerson(slug: string) {
  const { workspaceId, scope } = createWorkspace(db, slug);
  const loaded = createDataset(db, workspaceId);
  upsertCustomerBatch(
    scopeTo(db, workspaceId),
    loaded,
    [customerRow({ external_id: "C-77", email: "zeynep@example.test", name: "Zeynep Kaya" })],
    "crm",
  );
  return { workspaceId, scope };
}

function storedUpload(
  workspaceId: number,
  name: string,
  text: string,
  status: "uploaded" | "failed" = "uploaded",
) {
  const file = path.join(dir, `${workspaceId}-${name}`);
  fs.writeFileSync(file, text);
  const id = createDataset(db, workspaceId, name);
  db.update(schema.datasets)
    .set({ storedPath: file, status })
    .where(eq(schema.datasets.id, id))
    .run();
  return { id, file };
}

describe("erasure and stored uploads", () => {
  it("deletes uploads that mention the person, says why on their dataset, keeps the others", () => {
    const { workspaceId, scope } = seedPerson("uploads");
    const header = "id;e-posta;ad\n";
    const mentions = storedUpload(
      workspaceId,
      "next-week.csv",
      `${header}C-12;ali@example.test;Ali\nC-90;ZEYNEP@example.test;Z. K.\n`,
    );
    const failed = storedUpload(workspaceId, "failed.csv", `${header}C-77;x;y\n`, "failed");
    const other = storedUpload(workspaceId, "other.csv", `${header}C-12;ali@example.test;Ali\n`);

    const result = eraseCustomer(scopeTo(db, workspaceId), { externalId: "C-77" }, null);

    expect(result.removed.stored_uploads).toBe(2);
    expect(fs.existsSync(mentions.file)).toBe(false);
    expect(fs.existsSync(failed.file)).toBe(false);
    expect(fs.existsSync(other.file)).toBe(true);
    const byId = new Map(scope.select(schema.datasets).map((d) => [d.id, d]));
    expect(byId.get(mentions.id)).toMatchObject({ status: "failed", storedPath: null });
    expect(englishMessage(byId.get(mentions.id)?.error)).toMatch(/erased, so it was deleted/);
    expect(byId.get(other.id)).toMatchObject({ status: "uploaded", storedPath: other.file });
  });

  it("refuses while an import of the workspace is queued, and erases once it has finished", () => {
    const { workspaceId, scope } = seedPerson("busy");
    const importing = createDataset(db, workspaceId, "big.csv");
    const jobId = enqueue(db, { kind: "import-dataset", payload: {}, workspaceId });
    db.update(schema.datasets)
      .set({ status: "queued", jobId })
      .where(eq(schema.datasets.id, importing))
      .run();

    expect(() => eraseCustomer(scopeTo(db, workspaceId), { externalId: "C-77" }, null)).toThrow(
      ErasureBlockedError,
    );
    expect(scope.select(schema.customers)).toHaveLength(1);

    db.update(schema.jobs).set({ status: "succeeded" }).where(eq(schema.jobs.id, jobId)).run();
    db.update(schema.datasets)
      .set({ status: "succeeded" })
      .where(eq(schema.datasets.id, importing))
      .run();
    expect(
      eraseCustomer(scopeTo(db, workspaceId), { externalId: "C-77" }, null).removed.customers,
    ).toBe(1);
  });
});
