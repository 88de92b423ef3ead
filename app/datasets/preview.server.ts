/**
 * The preview shown before an import: detection on the stored file's first bytes, the
 * user's overrides from the page, and the mapping remembered for files with these headers.
 */
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { schema, type WorkspaceScope } from "~/db.server";
import {
  DEFAULT_SETTLE_BOUNDS,
  type SettleBounds,
  type SettleResult,
  settleDateFormats,
} from "~/ingest/date-settle.server";
import { type DateFormat, dateFormats } from "~/ingest/dates";
import { textEncodings } from "~/ingest/decode";
import { delimiters, quoteChars } from "~/ingest/dialect";
import { ambiguousDateColumns } from "~/ingest/import-plan.server";
import type { DatasetKind } from "~/ingest/kinds";
import type { ColumnMapping } from "~/ingest/mapping";
import {
  type CsvPreview,
  displayedPreview,
  type PreviewOverrides,
  previewCsv,
} from "~/ingest/preview";
import { readSample } from "~/ingest/upload.server";

/** Detected settings the user may change on the preview page (query string or form). */
export const SettingsOverridesSchema = z.object({
  encoding: z.enum(textEncodings).optional().catch(undefined),
  delimiter: z.enum(delimiters).optional().catch(undefined),
  quote: z.enum(quoteChars).optional().catch(undefined),
  decimalMark: z.enum([".", ","]).optional().catch(undefined),
});

export function settingsOverridesFrom(source: URLSearchParams | FormData) {
  const pick = (key: string) => source.get(key)?.toString() || undefined;
  return SettingsOverridesSchema.parse({
    encoding: pick("encoding"),
    delimiter: pick("delimiter"),
    quote: pick("quote"),
    decimalMark: pick("decimalMark"),
  });
}

/**
 * The user's mapping and date choices from the form: `map:<i>` and `date:<i>` by column
 * index. A column the page did not show (it shows MAX_PREVIEW_COLUMNS) has no `map:<i>` and
 * keeps its field from `proposed`.
 */
export function choicesFrom(
  form: FormData,
  headers: readonly string[],
  proposed: ColumnMapping = {},
) {
  const mapping: ColumnMapping = {};
  const dateChoices: Record<string, DateFormat> = {};
  headers.forEach((header, i) => {
    const sent = form.get(`map:${i}`);
    if (sent === null) {
      mapping[header] = proposed[header] ?? null;
      return;
    }
    const field = sent.toString();
    mapping[header] = field === "" ? null : field;
    const date = form.get(`date:${i}`)?.toString();
    if (date && (dateFormats as readonly string[]).includes(date))
      dateChoices[header] = date as DateFormat;
  });
  return { mapping, dateChoices };
}

export function rememberedMapping(scope: WorkspaceScope, kind: string, signature: string) {
  return scope.db
    .select({ mapping: schema.columnMappings.mapping })
    .from(schema.columnMappings)
    .where(
      scope.where(
        schema.columnMappings,
        and(
          eq(schema.columnMappings.kind, kind),
          eq(schema.columnMappings.headersSignature, signature),
        ),
      ),
    )
    .get()?.mapping;
}

export async function previewStoredFile(
  scope: WorkspaceScope,
  dataset: { kind: string; storedPath: string | null },
  overrides: PreviewOverrides,
  bounds: SettleBounds = DEFAULT_SETTLE_BOUNDS,
) {
  if (!dataset.storedPath) throw new Error("The uploaded file is no longer stored");
  const sample = await readSample(dataset.storedPath);
  const kind = dataset.kind as DatasetKind;
  let preview = previewCsv(sample, kind, overrides);
  if (!preview.ok) return preview;
  const remembered = overrides.mapping
    ? undefined
    : rememberedMapping(scope, kind, preview.signature);
  if (remembered) preview = previewCsv(sample, kind, { ...overrides, mapping: remembered });
  if (!preview.ok) return preview;
  const ambiguous = ambiguousDateColumns(kind, preview);
  const fileBytes = fs.statSync(dataset.storedPath).size;
  // Before the user is asked, the rest of the file may settle what its first rows did not.
  if (ambiguous.length === 0 || fileBytes <= sample.length) return preview;
  const { settled } = await settledFormats(dataset.storedPath, preview, ambiguous, bounds);
  if (Object.keys(settled).length === 0) return preview;
  const formats = Object.fromEntries(
    Object.entries(settled).map(([column, { format }]) => [column, format]),
  );
  const settledPreview = previewCsv(sample, kind, {
    ...overrides,
    mapping: preview.mapping,
    dateFormats: { ...formats, ...overrides.dateFormats },
  });
  if (!settledPreview.ok) return settledPreview;
  for (const [column, { format, line, value }] of Object.entries(settled)) {
    const detected = settledPreview.dateColumns[column];
    settledPreview.dateColumns[column] = {
      status: "detected",
      format,
      hasTime: detected?.status === "ambiguous" ? detected.hasTime : false,
      invalidSamples: [],
      settledBy: { line, value },
    };
  }
  return settledPreview;
}

/**
 * The page is loaded again and again while the user looks at a preview (and twice when
 * the import is started): a file's columns are settled once, not on every view.
 */
const settledCache = new Map<string, SettleResult>();
const MAX_CACHED_FILES = 20;

async function settledFormats(
  storedPath: string,
  preview: CsvPreview,
  ambiguous: ReturnType<typeof ambiguousDateColumns>,
  bounds: SettleBounds,
): Promise<SettleResult> {
  const { encoding, delimiter, quote } = preview.settings;
  const key = JSON.stringify([storedPath, encoding, delimiter, quote, ambiguous]);
  const cached = settledCache.get(key);
  if (cached) return cached;
  const result = await settleDateFormats(storedPath, preview.settings, ambiguous, bounds);
  if (settledCache.size >= MAX_CACHED_FILES) settledCache.clear();
  settledCache.set(key, result);
  return result;
}

/** The preview as the page gets it: columns and cells capped (see displayedPreview). */
export async function displayedStoredFile(
  scope: WorkspaceScope,
  dataset: { kind: string; storedPath: string | null },
  overrides: PreviewOverrides,
) {
  const preview = await previewStoredFile(scope, dataset, overrides);
  return preview.ok ? displayedPreview(preview) : preview;
}
