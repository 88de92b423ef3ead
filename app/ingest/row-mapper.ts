/**
 * A CSV record (fields by position) to the mapped record `validateRow` reads, for every row
 * of a file. Same result as `mapRecord(zipRecord(headers, fields).values, mapping)`, but
 * the header → field lookup is settled once per file instead of once per cell, and rows of
 * the wrong width are refused instead of padded.
 */
import { message } from "~/i18n/message-code";
import type { DatasetKind } from "./kinds";
import type { ColumnMapping, MappedRecord } from "./mapping";

export type MappedRow = { ok: true; mapped: MappedRecord } | { ok: false; reason: string };

export type RowMapper = (fields: readonly string[]) => MappedRow;

function lastFilledIndex(fields: readonly string[], from: number): number {
  for (let index = fields.length - 1; index >= from; index--) {
    if ((fields[index] ?? "").trim() !== "") return index;
  }
  return -1;
}

/** Why a row of this many fields does not fit a header `width` wide, or null when it does. */
export function widthProblem(fields: readonly string[], width: number): string | null {
  const wrongWidth = (count: number) =>
    message("messages:ingest.row.wrongWidth", { fields: count, width });
  if (fields.length < width) return wrongWidth(fields.length);
  if (fields.length > width) {
    // A trailing delimiter (empty extra fields) is harmless; data beyond the header is not.
    const last = lastFilledIndex(fields, width);
    if (last >= 0) return wrongWidth(last + 1);
  }
  return null;
}

export function createRowMapper(
  kind: DatasetKind,
  headers: readonly string[],
  mapping: ColumnMapping,
): RowMapper {
  const width = headers.length;
  const fieldAt = headers.map((header) => mapping[header] || null);
  // Unmapped columns only matter for customers (kept as attributes); elsewhere they are
  // dropped here rather than built and then ignored by the schema.
  const keepAttributes = kind === "customers";

  return (fields) => {
    const problem = widthProblem(fields, width);
    if (problem) return { ok: false, reason: problem };
    const mapped: MappedRecord = { fields: {}, attributes: {} };
    for (let index = 0; index < width; index++) {
      const column = headers[index] as string;
      const raw = fields[index] as string;
      const field = fieldAt[index];
      if (field) mapped.fields[field] = { column, raw };
      else if (keepAttributes) mapped.attributes[column] = raw;
    }
    return { ok: true, mapped };
  };
}
