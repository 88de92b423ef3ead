/**
 * A report table with its header row in a reader's language, for the CSV a shared link's
 * viewer downloads. Column names are ids ("spend", "low_80"); reports:csvColumns words them
 * (English keeps the ids, so the workspace's own exports and e-mails are unchanged). A column
 * named after the data (a traffic source, a campaign's key) stays as it is.
 */
import type { Locale } from "~/i18n/config";
import { hasKey, localeT } from "~/i18n/locale-t";
import type { ReportTable } from "./report-table";

const COLUMN_ID = /^[a-z][a-z0-9_]*$/;

export function columnInWords(locale: Locale, column: string): string {
  const key = `reports:csvColumns.${column}`;
  return COLUMN_ID.test(column) && hasKey(locale, key) ? localeT(locale)(key) : column;
}

export function localizedTable(table: ReportTable, locale: Locale): ReportTable {
  return { ...table, columns: table.columns.map((column) => columnInWords(locale, column)) };
}
