/** A table of a report as exported (CSV, e-mail attachment): plain cells, no formatting. */
export interface ReportTable {
  /** Names the table in file names and headings, e.g. "figures-by-channel". */
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}
