/**
 * Customers: each batch is merged into profiles by `upsertCustomerBatch` (app/customers),
 * then transactions loaded earlier with these customer ids, and so far unlinked, are linked
 * to their profiles. One source record (source and id) appearing twice in a file is refused
 * the second time (file-keys.ts); different records of one person (same e-mail or phone)
 * still merge into one profile. Records the file holds that earlier datasets loaded become
 * this dataset's once the whole file is written (the merge already stamps those it updates).
 */

import { upsertCustomerBatch } from "~/customers/merge.server";
import { message } from "~/i18n/message-code";
import { createFileKeys, duplicateKeyReason, headerOfFields } from "./file-keys";
import type { CustomerRow } from "./schemas";
import { emptyCounts, type RowWriter, type WriterContext } from "./writer-context";

/** Source records per UPDATE when they change owner (one json_each parameter each). */
const ADOPT_CHUNK = 5_000;

export function customerWriter(context: WriterContext): RowWriter<"customers"> {
  const { scope, datasetId, defaultSource } = context;
  // json_each takes the batch's ids as one parameter, so one prepared statement serves all.
  const linkTransactions = scope.sql(
    `UPDATE transactions SET customer_id = (
       SELECT min(s.customer_id) FROM customer_sources s
       WHERE s.workspace_id = transactions.workspace_id
         AND s.external_id = transactions.customer_external_id)
     WHERE workspace_id = @workspace AND customer_id IS NULL
       AND customer_external_id IN (SELECT value FROM json_each(?))`,
  );
  const adopt = scope.sql(
    `UPDATE customer_sources SET dataset_id = @datasetId
     WHERE workspace_id = @workspace AND dataset_id IS NOT @datasetId
       AND (source, external_id) IN (
         SELECT value ->> 0, value ->> 1 FROM json_each(@keys))`,
  );
  const fileKeys = createFileKeys();
  let idColumn: string | null = null;
  return {
    recordTaker(headers, mapping) {
      idColumn = headerOfFields(headers, mapping, ["external_id"]);
      return null;
    },
    admit(row, line) {
      const source = row.source ?? defaultSource;
      const earlier = fileKeys.claim(JSON.stringify([source, row.external_id]), line);
      if (earlier === undefined) return null;
      const what = message("messages:ingest.key.customer", { id: row.external_id, source });
      return { column: idColumn, reason: duplicateKeyReason(what, earlier) };
    },
    write(rows: CustomerRow[]) {
      const counts = upsertCustomerBatch(scope, datasetId, rows, defaultSource);
      const ids = [...new Set(rows.map((row) => row.external_id))];
      if (ids.length > 0) linkTransactions.run(JSON.stringify(ids));
      return counts;
    },
    async finish() {
      scope.db.$client
        .transaction(() => {
          let chunk: string[] = [];
          const flush = () => {
            const keys = `[${chunk.join(",")}]`;
            if (chunk.length > 0) adopt.run({ datasetId, keys });
            chunk = [];
          };
          for (const key of fileKeys.keys()) {
            chunk.push(key);
            if (chunk.length >= ADOPT_CHUNK) flush();
          }
          flush();
          // Committed with the hand-over (see row-writers.server.ts).
          context.onPublished?.(emptyCounts());
        })
        .immediate();
      return emptyCounts();
    },
  };
}
