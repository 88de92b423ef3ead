/** The order of the campaign table: by a measure, a ratio or the name. */

import { RATIOS } from "~/analytics/campaign-metrics";
import type { GroupFigures } from "~/analytics/campaign-report";

export const SORT_COLUMNS = [
  "label",
  "spend",
  "impressions",
  "clicks",
  "conversions",
  "revenue",
  ...RATIOS,
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** Sorted copy; groups without a value (null ratio or sum) go last in either direction. */
export function sortGroups(groups: GroupFigures[], column: SortColumn, dir: "asc" | "desc") {
  const sortValue = (g: GroupFigures): string | number | null =>
    column === "label"
      ? g.label
      : column in g.ratios
        ? g.ratios[column as keyof GroupFigures["ratios"]].value
        : g.totals.sums[column as keyof GroupFigures["totals"]["sums"]];
  const sign = dir === "asc" ? 1 : -1;
  return [...groups].sort((a, b) => {
    const x = sortValue(a);
    const y = sortValue(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === "string" ? x.localeCompare(String(y)) : x - (y as number);
    return sign * order || a.label.localeCompare(b.label);
  });
}
