/**
 * Cells of a search-interest table, shared by the rendered page and the CSV export. Pure.
 *
 * Why 0.5 for "<1": the trends site prints "<1" for interest above zero but below one on
 * its 0–100 scale. Storing 0 would claim no searches at all, and dropping the point would
 * break the series; the midpoint of (0, 1) is the least wrong single number.
 */

export const LESS_THAN_ONE = 0.5;

/** "72" → 72, "<1" → 0.5, "0" → 0; undefined for anything else. */
export function parseInterest(cell: string): number | undefined {
  const text = cell.trim();
  if (text === "<1") return LESS_THAN_ONE;
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= 100 ? value : undefined;
}

/** A row label as a period: "2026-10-11" (week start or day) or "2026-10" (month). */
export function periodOfLabel(label: string): string | undefined {
  const text = label.trim();
  return /^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/.test(text) ? text : undefined;
}
