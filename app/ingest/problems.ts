/** Why a file cannot be read as a CSV, in words for the person who uploaded it. */
export type IngestProblemCode =
  | "empty"
  | "binary"
  | "not_text"
  | "no_header"
  | "no_columns"
  | "unreadable";

export interface IngestProblem {
  ok: false;
  code: IngestProblemCode;
  message: string;
}

export function problem(code: IngestProblemCode, message: string): IngestProblem {
  return { ok: false, code, message };
}
