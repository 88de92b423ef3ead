/**
 * The upload screen's view of a file, from its first bytes only: detected settings, the
 * first rows, a proposed (or the user's) mapping, each column's date format or ambiguity,
 * customer attribute types, and what validation says about the first rows.
 */
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
import { type RowResult, type RowSettings, validateRow } from "./schemas";
import type { CsvSettings } from "./settings";
import { type SniffOptions, sniffCsv } from "./sniff";

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
  const checks = shown.map((row) =>
    validateRow(kind, mapRecord(zipRecord(headers, row).values, mapping), rowSettings),
  );
  return {
    ok: true,
    settings,
    encodingReason: sniffed.encodingReason,
    headers,
    rows: shown,
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
