/**
 * An erasure must not leave the person in files either. Two places can still hold them
 * once their rows are gone:
 * - an import that is queued or running would load them again after the erasure, so the
 *   erasure waits for it (the caller is told to try again when it has finished);
 * - a stored upload that was never imported (or failed) is a copy of the file on disk.
 *   Every such file that mentions the person is deleted, and its dataset says why.
 */

import fs from "node:fs";
import { eq, isNotNull } from "drizzle-orm";
import { datasets } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { recoverExpiredImports } from "~/datasets/stale-imports.server";
import { message } from "~/i18n/message-code";
import { isBeingImported } from "~/ingest/import-job.server";
import type { PersonMatcher } from "./identifiers";

export class ErasureBlockedError extends Error {
  override name = "ErasureBlockedError";
}

/**
 * Throws while an import of this workspace is queued or running. Imports whose process
 * died are settled first, so a dead one never blocks an erasure.
 */
export function assertNoImportRunning(scope: WorkspaceScope): void {
  recoverExpiredImports(scope.db);
  const running = scope.select(datasets).find((dataset) => isBeingImported(scope.db, dataset));
  if (running) {
    throw new ErasureBlockedError(
      message("messages:erasure.importRunning", { dataset: running.id }),
    );
  }
}

const CHUNK_BYTES = 1 << 20;

/** Whether any line of the file mentions the person (identifiers are ASCII in any encoding). */
function fileMentions(file: string, matcher: PersonMatcher): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let carry = "";
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null);
      const text = carry + buffer.toString("latin1", 0, read);
      const lines = text.split(/\r?\n/);
      carry = read === 0 ? "" : (lines.pop() ?? "");
      if (lines.some((line) => matcher.mentions(line))) return true;
      if (read === 0) return carry !== "" && matcher.mentions(carry);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Deletes stored uploads that mention the person; returns how many. */
export function deleteUploadsMentioning(scope: WorkspaceScope, matcher: PersonMatcher): number {
  let deleted = 0;
  for (const dataset of scope.select(datasets, isNotNull(datasets.storedPath))) {
    const file = dataset.storedPath as string;
    if (!fs.existsSync(file) || !fileMentions(file, matcher)) continue;
    fs.rmSync(file, { force: true });
    scope.update(
      datasets,
      {
        status: "failed",
        storedPath: null,
        error: message("messages:erasure.uploadDeleted"),
      },
      eq(datasets.id, dataset.id),
    );
    deleted += 1;
  }
  return deleted;
}
