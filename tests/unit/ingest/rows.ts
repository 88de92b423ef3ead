import type { DatasetKind } from "~/ingest/kinds";
import { mapRecord } from "~/ingest/mapping";
import { formatRowError, type RowSettings, validateRow } from "~/ingest/schemas";

export type Cells = [string, string | null, string][];

/** A mapped row from [header, field, text] triples. */
export function row(cells: Cells) {
  const values = Object.fromEntries(cells.map(([header, , raw]) => [header, raw]));
  const mapping = Object.fromEntries(cells.map(([header, field]) => [header, field]));
  return mapRecord(values, mapping);
}

export function typedRow<K extends DatasetKind>(kind: K, cells: Cells, settings: RowSettings) {
  const result = validateRow(kind, row(cells), settings);
  if (!result.ok) throw new Error(result.errors.map(formatRowError).join("; "));
  return result.value;
}

export function errorsOf(kind: DatasetKind, cells: Cells, settings: RowSettings) {
  const result = validateRow(kind, row(cells), settings);
  return result.ok ? [] : result.errors;
}

/** The cells a kept row left empty (the row must be kept). */
export function warningsOf<K extends DatasetKind>(kind: K, cells: Cells, settings: RowSettings) {
  const result = validateRow(kind, row(cells), settings);
  if (!result.ok) throw new Error(result.errors.map(formatRowError).join("; "));
  return { value: result.value, warnings: result.warnings ?? [] };
}
