import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RATIOS } from "~/analytics/campaign-metrics";
import type { GroupFigures } from "~/analytics/campaign-report";
import { SORT_COLUMNS, type SortColumn } from "~/campaigns/sort-groups";
import { formatDecimal } from "~/components/segments/numbers";
import { formatInteger, formatMoney } from "~/format";
import { RatioCell } from "./RatioCell";

/** Catalogue keys (namespace "campaigns") of the column headings and the ratios' formulas. */
const HEADINGS: Record<SortColumn, string> = {
  label: "headings.label",
  spend: "headings.spend",
  impressions: "headings.impressions",
  clicks: "headings.clicks",
  conversions: "headings.conversions",
  revenue: "headings.revenue",
  ...Object.fromEntries(RATIOS.map((name) => [name, `ratios.${name}`])),
} as Record<SortColumn, string>;
const isRatio = (column: SortColumn): boolean => (RATIOS as readonly string[]).includes(column);

/**
 * Groups with their measures and ratios. With `sortLink`, the headings are links that sort
 * (a GET parameter, so sorting works without scripts and can be shared); with `rowLink`,
 * each name links to its drill-down.
 */
export function FiguresTable({
  label,
  groups,
  totals,
  currency,
  sortLink,
  sort,
  rowLink,
}: {
  label: string;
  groups: GroupFigures[];
  totals?: GroupFigures;
  currency: string | null;
  sortLink?: (column: SortColumn) => string;
  sort?: { column: SortColumn; dir: "asc" | "desc" };
  rowLink?: (group: GroupFigures) => string;
}) {
  const { t } = useTranslation("campaigns");
  const heading = (column: SortColumn) => {
    const active = sort?.column === column;
    const text = `${t(HEADINGS[column])}${active ? (sort?.dir === "asc" ? " ▲" : " ▼") : ""}`;
    return (
      <th
        key={column}
        title={isRatio(column) ? t(`ratioTitles.${column}`) : undefined}
        aria-sort={active ? (sort?.dir === "asc" ? "ascending" : "descending") : undefined}
      >
        {sortLink ? <Link to={sortLink(column)}>{text}</Link> : text}
      </th>
    );
  };
  const row = (group: GroupFigures, isTotal = false) => {
    const s = group.totals.sums;
    const intervals = "ratios" in group.intervals ? group.intervals.ratios : undefined;
    return (
      <tr key={isTotal ? "\u0000total" : group.key}>
        <th scope="row">
          {rowLink && !isTotal ? (
            <Link to={rowLink(group)}>{group.label}</Link>
          ) : isTotal ? (
            t("common:total")
          ) : (
            group.label
          )}
        </th>
        <td>{formatMoney(s.spend, currency)}</td>
        <td>{formatInteger(s.impressions)}</td>
        <td>{formatInteger(s.clicks)}</td>
        <td>
          {s.conversions !== null && !Number.isInteger(s.conversions)
            ? formatDecimal(s.conversions, 1)
            : formatInteger(s.conversions)}
        </td>
        <td>{formatMoney(s.revenue, currency)}</td>
        {RATIOS.map((name) => (
          <RatioCell
            key={name}
            name={name}
            ratio={group.ratios[name]}
            interval={intervals?.[name]}
            currency={currency}
          />
        ))}
      </tr>
    );
  };
  return (
    <div className="scroll-x">
      <table className="data" aria-label={label}>
        <thead>
          <tr>{SORT_COLUMNS.map(heading)}</tr>
        </thead>
        <tbody>
          {groups.map((group) => row(group))}
          {totals ? row(totals, true) : null}
        </tbody>
      </table>
    </div>
  );
}
