/** The header row: is the first row one at all, and what to call each column. */
import { message } from "~/i18n/message-code";
import { detectDateFormat } from "./date-detect";
import { parseNumber } from "./numbers";
import { type IngestProblem, problem } from "./problems";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function looksLikeData(cell: string): boolean {
  const text = cell.trim();
  return (
    parseNumber(text, ".").ok ||
    parseNumber(text, ",").ok ||
    detectDateFormat([text]).status !== "not_date" ||
    EMAIL.test(text)
  );
}

/**
 * A problem when the first row reads as data (numbers, dates, e-mails in half of its
 * cells or more), i.e. the file has no header row.
 */
export function headerProblem(first: readonly string[]): IngestProblem | null {
  const filled = first.filter((cell) => cell.trim() !== "");
  const dataLike = filled.filter(looksLikeData);
  if (filled.length > 0 && dataLike.length * 2 < filled.length) return null;
  const shown = first
    .slice(0, 4)
    .map((cell) => `"${cell}"`)
    .join(", ");
  return problem("no_header", message("messages:ingest.file.noHeader", { shown }));
}

/** Drops empty header cells at the end of the row (left by a trailing delimiter). */
export function withoutTrailingEmpty(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 1 && (cells[end - 1] ?? "").trim() === "") end -= 1;
  return cells.slice(0, end);
}

/**
 * Column names that are unique and non-empty: an empty header becomes "column_3", a
 * repeated one "Name (2)". Mapping and records are keyed by these names.
 */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.trim().replace(/^\uFEFF/, "") || `column_${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
