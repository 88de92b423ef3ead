/**
 * `import`: loads a CSV file the way an upload is loaded (stored, sniffed, mapped, streamed
 * into the tables), in this process rather than through the worker, so a script gets the
 * outcome when the command returns.
 */

import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "#db/client";
import { workspaces } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { recoverAtStart } from "~/datasets/stale-imports.server";
import { englishMessage } from "~/i18n/english";
import { message } from "~/i18n/message-code";
import { dateFormats } from "~/ingest/dates";
import { textEncodings } from "~/ingest/decode";
import type { QuoteChar } from "~/ingest/dialect";
import { columnMappingSchema } from "~/ingest/import-options";
import { type FilePlan, PlanProblem, planFileImport } from "~/ingest/import-plan.server";
import { datasetKinds } from "~/ingest/kinds";
import { importDataset, markDatasetFailed } from "~/ingest/load.server";
import { storeUpload } from "~/ingest/upload.server";
import type { Command } from "../command";

const DELIMITERS: Record<string, "," | ";" | "\t" | "|"> = {
  ",": ",",
  ";": ";",
  "|": "|",
  tab: "\t",
  "\\t": "\t",
  "\t": "\t",
};

/** "Column=dd/mm/yyyy" (the column name may itself hold "="; the format is after the last). */
const dateFormatFlag = z.string().transform((text, ctx) => {
  const at = text.lastIndexOf("=");
  const format = dateFormats.find((known) => known === text.slice(at + 1).trim());
  if (at <= 0 || !format) {
    ctx.addIssue({
      code: "custom",
      message: `"${text}" is not Column=format (formats: ${dateFormats.join(", ")})`,
    });
    return z.NEVER;
  }
  return [text.slice(0, at).trim(), format] as const;
});

const Flags = z.object({
  workspace: z.string(),
  kind: z.enum(datasetKinds),
  file: z.string(),
  mapping: z.string().optional(),
  encoding: z.enum(textEncodings).optional(),
  delimiter: z
    .string()
    .refine((value) => value in DELIMITERS, 'use ",", ";", "|" or "tab"')
    .transform((value) => DELIMITERS[value])
    .optional(),
  quote: z
    .string()
    .refine((value) => value === '"' || value === "'", {
      message: `use '"' (double quote) or "'" (single quote)`,
    })
    .transform((value) => value as QuoteChar)
    .optional(),
  decimal: z.enum([".", ","]).optional(),
  source: z.string().optional(),
  "date-format": z.array(dateFormatFlag).optional(),
});

function readMapping(file: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`The mapping file ${file} is not readable JSON: ${(error as Error).message}`);
  }
  const mapping = columnMappingSchema.safeParse(parsed);
  if (!mapping.success) {
    throw new Error(`The mapping file ${file} must map each column name to a field name or null`);
  }
  return mapping.data;
}

function explain(problem: PlanProblem, fileName: string): string {
  if (problem.ambiguousDates.length === 0) return `${fileName}: ${englishMessage(problem.message)}`;
  const flags = problem.ambiguousDates
    .map(({ column, candidates }) => `--date-format "${column}=${candidates[0]}"`)
    .join(" ");
  return `${fileName}: ${englishMessage(problem.message)} Pick one per column, e.g. ${flags}`;
}

/**
 * For the fault tests only (tests/integration/ingest/faults/killed-import.test.ts): with
 * CHANNELSCOPE_TEST_PAUSE_IMPORT set, the import says where it is on stderr and then blocks
 * the process for good (timers included, so its lease is no longer renewed), to be killed
 * at a known point.
 */
function testPause(): "first-batch" | "published" | undefined {
  const pause = process.env.CHANNELSCOPE_TEST_PAUSE_IMPORT;
  return pause === "first-batch" || pause === "published" ? pause : undefined;
}

function freeze(where: string): never {
  process.stderr.write(`paused: ${where}\n`);
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

function once(run: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    run();
  };
}

export const importCommand: Command = {
  name: "import",
  usage:
    '--workspace S --kind K --file F [--mapping M.json] [--encoding E] [--delimiter D] [--quote Q] [--decimal D] [--source NAME] [--date-format "Column=dd/mm/yyyy"]...',
  options: {
    workspace: { type: "string" },
    kind: { type: "string" },
    file: { type: "string" },
    mapping: { type: "string" },
    encoding: { type: "string" },
    delimiter: { type: "string" },
    quote: { type: "string" },
    decimal: { type: "string" },
    source: { type: "string" },
    "date-format": { type: "string", multiple: true },
  },
  async run(flags) {
    const started = performance.now();
    const args = Flags.parse(flags);
    const fileName = path.basename(args.file);
    if (!fs.existsSync(args.file)) throw new Error(`${args.file}: no such file`);
    const db = getDb();
    // Dead imports are settled and dead uploads' partial files removed before this one starts.
    recoverAtStart(db);
    const workspace = db.select().from(workspaces).where(eq(workspaces.slug, args.workspace)).get();
    if (!workspace) throw new Error(`No workspace "${args.workspace}"`);
    const scope = scopeTo(db, workspace.id);
    const dataset = await storeUpload(scope, {
      fileName,
      stream: fs.createReadStream(args.file),
      uploadedBy: null,
      kind: args.kind,
    }).catch((error: Error) => {
      throw new Error(`${fileName}: ${englishMessage(error.message)}`);
    });
    const storedPath = dataset.storedPath as string;
    let plan: FilePlan;
    try {
      // A date column the first rows leave ambiguous is settled by reading the whole file.
      plan = await planFileImport(scope, args.kind, storedPath, dataset.fileBytes, {
        mapping: args.mapping ? readMapping(args.mapping) : undefined,
        encoding: args.encoding,
        delimiter: args.delimiter,
        quote: args.quote,
        decimalMark: args.decimal,
        dateFormats: Object.fromEntries(args["date-format"] ?? []),
        defaultSource: args.source,
      });
    } catch (error) {
      // The dataset keeps the reason as a message code (read on the page in the reader's
      // language); the command line says it in English.
      const stored =
        error instanceof PlanProblem && error.ambiguousDates.length === 0
          ? message("messages:ingest.import.fileProblem", {
              file: fileName,
              problem: error.message,
            })
          : error instanceof PlanProblem
            ? explain(error, fileName)
            : (error as Error).message;
      markDatasetFailed(scope, dataset.id, stored);
      throw new Error(englishMessage(stored));
    }
    const pause = testPause();
    const { dateSettledBy, ...options } = plan;
    const result = await importDataset(scope, {
      datasetId: dataset.id,
      ...options,
      onProgress: pause === "first-batch" ? once(() => freeze("first batch written")) : undefined,
      afterPublish: pause === "published" ? () => freeze("published") : undefined,
    });
    return {
      dataset_id: result.datasetId,
      kind: result.kind,
      rows_read: result.rowsRead,
      rows_loaded: result.rowsLoaded,
      rows_rejected: result.rowsRejected,
      // Of those, rows whose key (id, order line) an earlier row of the file already had.
      rows_duplicate_key: result.duplicateKeys,
      rows_new: result.rowsNew,
      rows_updated: result.rowsUpdated,
      rows_unchanged: result.rowsUnchanged,
      cell_warnings: result.cellWarnings,
      encoding: options.settings.encoding,
      delimiter: options.settings.delimiter,
      quote: options.settings.quote,
      decimal: options.settings.decimalMark,
      date_formats: options.rowSettings.dateFormats ?? {},
      // Which cell of the file settled a date column its first rows left ambiguous.
      date_settled_by: dateSettledBy,
      seconds: Math.round(performance.now() - started) / 1000,
    };
  },
};
