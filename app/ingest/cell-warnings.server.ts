/**
 * Cell warnings: a cell the import could not use although it kept the row (a birth year of
 * 1893, bytes that are not valid in the file's encoding). The cell is stored empty, and the
 * warning keeps the line, the column, the value as written and the reason, so it is counted,
 * shown and downloadable like a rejected row (issue 9, point 4).
 */
import type { WorkspaceScope } from "#db/scoped";

export interface CellWarning {
  /** The file's line where the record starts (1 = the header). */
  lineNumber: number;
  /** The column's header as written in the file; null for a warning about the whole line. */
  column: string | null;
  /** What the cell (or line) held, as written; invalid bytes shown as `\xNN`. */
  value: string;
  /** In the user's words: "birth year 1893 is before 1900". */
  reason: string;
}

/** Values longer than this are cut when stored: the warning is for reading, not a backup. */
const MAX_VALUE_CHARS = 1000;

/**
 * A writer of one dataset's warnings, for use inside the caller's transactions: `add` inserts
 * the warnings and raises the dataset's `cell_warnings` count by as many.
 */
export function cellWarningWriter(scope: WorkspaceScope, datasetId: number) {
  const insert = scope.sql(
    `INSERT INTO cell_warnings (workspace_id, dataset_id, line_number, "column", value, reason)
     VALUES (@workspace, ?, ?, ?, ?, ?)`,
  );
  const count = scope.sql(
    "UPDATE datasets SET cell_warnings = cell_warnings + ? WHERE workspace_id = @workspace AND id = ?",
  );
  return {
    add(warnings: readonly CellWarning[]): void {
      if (warnings.length === 0) return;
      for (const warning of warnings) {
        insert.run(
          datasetId,
          warning.lineNumber,
          warning.column,
          warning.value.slice(0, MAX_VALUE_CHARS),
          warning.reason,
        );
      }
      count.run(warnings.length, datasetId);
    },
    /** Removes the dataset's warnings (a re-run of the same import starts afresh). */
    clear(): void {
      scope
        .sql("DELETE FROM cell_warnings WHERE workspace_id = @workspace AND dataset_id = ?")
        .run(datasetId);
      scope
        .sql("UPDATE datasets SET cell_warnings = 0 WHERE workspace_id = @workspace AND id = ?")
        .run(datasetId);
    },
  };
}

export type CellWarningWriter = ReturnType<typeof cellWarningWriter>;
