/**
 * The upload screen's view of a file, from its first bytes only: detected settings, the
 * first rows, a proposed (or the user's) mapping, each column's date format or ambiguity,
 * customer attribute types, and what validation says about the first rows.
 */
import { decodeMessage, looksLikeMessage, message } from "~/i18n/message-code";
import { type AttributeType, inferAttributeType } from "./attributes";
import { zipRecord } from "./csv-options";
import { type ColumnDateFormat, detectDateFormat } from "./date-detect";
import type { DateFormat } from "./dates";
import { type DatasetKind, fieldTypeOf } from "./kinds";
import {
  type ColumnMapping,
  headersSignature,
  type MappingCheck,
  mappingOf,
  mapRecord,
  type ProposedColumn,
  proposeMapping,
  validateMapping,
} from "./mapping";
import type { IngestProblem } from "./problems";
import { type RowError, type RowResult, type RowSettings, validateRow } from "./schemas";
import type { CsvSettings } from "./settings";
import { type RecordLines, type SniffOptions, sniffCsv } from "./sniff";

export interface PreviewOverrides extends SniffOptions {
  /** The user's mapping (header → field or null); replaces the proposal. */
  mapping?: ColumnMapping;
  /** The user's choice for columns whose date format is ambiguous, by header. */
  dateFormats?: Record<string, DateFormat>;
  /** How many rows to show and check; default 20. */
  rowLimit?: number;
}

export interface CsvPreview {
  ok: true;
  settings: CsvSettings;
  encodingReason: string;
  headers: string[];
  /** The first `rowLimit` data rows, as read. */
  rows: string[][];
  /** The file's lines each shown row starts and ends on. */
  rowLines: RecordLines[];
  /** Data rows in the whole sample (the file may have many more). */
  sampleRowCount: number;
  columns: ProposedColumn[];
  mapping: ColumnMapping;
  mappingCheck: MappingCheck;
  /** Key under which to remember this mapping for the workspace and kind. */
  signature: string;
  /** Date columns (and columns mapped to a date field): detected format or ambiguity. */
  dateColumns: Record<string, ColumnDateFormat>;
  /** Customers: the inferred type of each column kept as an attribute. */
  attributeTypes: Record<string, AttributeType>;
  /** Ready for `validateRow` in the loader; ambiguous date columns are absent until chosen. */
  rowSettings: RowSettings;
  /** `validateRow` on each shown row. */
  checks: RowResult<DatasetKind>[];
  warnings: string[];
}

const DEFAULT_ROW_LIMIT = 20;

/** Columns the preview page shows; the others keep their proposed (or remembered) fields. */
export const MAX_PREVIEW_COLUMNS = 50;
/** Characters of a cell the preview page shows. */
export const MAX_PREVIEW_CELL_CHARS = 200;

function isDateField(kind: DatasetKind, field: string | null | undefined): boolean {
  const type = field ? fieldTypeOf(kind, field) : undefined;
  return type === "date" || type === "datetime";
}

export function previewCsv(
  sample: Uint8Array,
  kind: DatasetKind,
  overrides: PreviewOverrides = {},
): CsvPreview | IngestProblem {
  const sniffed = sniffCsv(sample, overrides);
  if (!sniffed.ok) return sniffed;
  const { settings, headers, rows } = sniffed;

  const columns = proposeMapping(kind, headers);
  const mapping = overrides.mapping ?? mappingOf(columns);
  const columnValues = (index: number) => rows.map((row) => row[index] ?? "");

  const dateColumns: Record<string, ColumnDateFormat> = {};
  const dateFormats: Record<string, DateFormat> = {};
  const attributeTypes: Record<string, AttributeType> = {};
  headers.forEach((header, index) => {
    const values = columnValues(index);
    const detected = detectDateFormat(values);
    if (detected.status !== "not_date" || isDateField(kind, mapping[header])) {
      dateColumns[header] = detected;
    }
    const chosen = overrides.dateFormats?.[header];
    if (chosen) dateFormats[header] = chosen;
    else if (detected.status === "detected") dateFormats[header] = detected.format;
    if (kind === "customers" && !mapping[header]) {
      attributeTypes[header] = inferAttributeType(values, settings.decimalMark);
    }
  });

  const rowSettings: RowSettings = {
    decimalMark: settings.decimalMark,
    dateFormats,
    attributeTypes,
  };
  const shown = rows.slice(0, overrides.rowLimit ?? DEFAULT_ROW_LIMIT);
  // The checks cover every mapped column, and the attribute columns the page shows: checking
  // 5,000 attribute columns of 20 rows took seconds, for errors nobody would see.
  const checked = headers.filter((header, index) => index < MAX_PREVIEW_COLUMNS || mapping[header]);
  const checks = shown.map((row) => {
    const values = zipRecord(headers, row).values;
    const kept = checked.length === headers.length ? values : only(values, checked);
    return validateRow(kind, mapRecord(kept, mapping), rowSettings);
  });
  return {
    ok: true,
    settings,
    encodingReason: sniffed.encodingReason,
    headers,
    rows: shown,
    rowLines: sniffed.rowLines.slice(0, shown.length),
    sampleRowCount: rows.length,
    columns,
    mapping,
    mappingCheck: validateMapping(kind, headers, mapping),
    signature: headersSignature(headers),
    dateColumns,
    attributeTypes,
    rowSettings,
    checks,
    warnings: sniffed.warnings,
  };
}

/** What the preview page is sent: its columns and cells capped, with what was left out. */
export interface DisplayedPreview extends Omit<CsvPreview, "checks"> {
  /** Each shown row's check, without the parsed row (only its errors are shown). */
  checks: { ok: boolean; errors: RowError[] }[];
  /** Columns in the file's header (the page shows `headers`, at most MAX_PREVIEW_COLUMNS). */
  columnCount: number;
  /** What was left out, in sentences ("Showing 50 of 5,000 columns …"). */
  omitted: string[];
}

function cut(text: string): string {
  return text.length > MAX_PREVIEW_CELL_CHARS ? `${text.slice(0, MAX_PREVIEW_CELL_CHARS)}…` : text;
}

/** A message code with its text values cut (cutting the code itself would break it). */
function cutMessage(text: string): string {
  if (!looksLikeMessage(text)) return cut(text);
  const { key, values } = decodeMessage(text);
  const cutValues = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === "string" ? cutMessage(value) : value,
    ]),
  );
  return Object.keys(cutValues).length ? message(key, cutValues) : key;
}

function only<T>(record: Record<string, T>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(
    keys.flatMap((key) => (key in record ? [[key, record[key] as T]] : [])),
  );
}

/**
 * The preview cut to what a page can show: a file of 5,000 columns (or a first line of 50 MB
 * split at every comma) made tens of megabytes of HTML. The import itself uses the whole
 * mapping; columns not shown keep the fields proposed for them.
 */
export function displayedPreview(preview: CsvPreview): DisplayedPreview {
  const columnCount = preview.headers.length;
  const headers = preview.headers.slice(0, MAX_PREVIEW_COLUMNS);
  let longCells = 0;
  const rows = preview.rows.map((row) =>
    row.slice(0, MAX_PREVIEW_COLUMNS).map((cell) => {
      if (cell.length > MAX_PREVIEW_CELL_CHARS) longCells++;
      return cut(cell);
    }),
  );
  const omitted: string[] = [];
  if (columnCount > headers.length) {
    omitted.push(
      message("messages:ingest.preview.columnsOmitted", {
        shown: headers.length,
        total: columnCount,
      }),
    );
  }
  if (longCells > 0) {
    omitted.push(
      message("messages:ingest.preview.longCells", {
        cells: longCells,
        max: MAX_PREVIEW_CELL_CHARS,
      }),
    );
  }
  const { rowSettings } = preview;
  return {
    ...preview,
    headers: headers.map(cut),
    rows,
    columns: preview.columns.slice(0, MAX_PREVIEW_COLUMNS),
    mapping: only(preview.mapping, headers),
    mappingCheck: preview.mappingCheck.ok
      ? { ok: true, mapping: only(preview.mappingCheck.mapping, headers) }
      : preview.mappingCheck,
    dateColumns: only(preview.dateColumns, headers),
    attributeTypes: only(preview.attributeTypes, headers),
    rowSettings: {
      ...rowSettings,
      dateFormats: rowSettings.dateFormats && only(rowSettings.dateFormats, headers),
      attributeTypes: rowSettings.attributeTypes && only(rowSettings.attributeTypes, headers),
    },
    checks: preview.checks.map((check) => ({
      ok: check.ok,
      errors: check.ok
        ? []
        : check.errors.slice(0, 5).map((e) => ({ ...e, reason: cutMessage(e.reason) })),
    })),
    warnings: preview.warnings.slice(0, 10).map(cutMessage),
    columnCount,
    omitted,
  };
}
