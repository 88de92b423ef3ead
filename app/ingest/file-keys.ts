/**
 * Rows of one file that share a natural key are not merged into one (the later silently
 * overwriting the earlier): the later row is rejected, saying where the key first appeared.
 * One tracker per import; it keeps each key with the line that first had it.
 */

import { message } from "~/i18n/message-code";
import type { ColumnMapping } from "./mapping";

/** Why a row was not loaded, in the shape of a rejected row. */
export interface Collision {
  column: string | null;
  reason: string;
}

const DUPLICATE_KEY = "messages:ingest.row.duplicate";

/**
 * `transaction id "T9" already appeared on line 4 of this file`, as a message code; `what`
 * is itself a message (messages:ingest.key.*), put into words with it.
 */
export function duplicateKeyReason(what: string, earlierLine: number): string {
  return message(DUPLICATE_KEY, { what, line: earlierLine });
}

/**
 * Match (SQL LIKE) the reasons of rows rejected for a key an earlier row had: the message
 * code, and the English sentence that datasets imported before the codes hold.
 */
export const DUPLICATE_KEY_REASON_LIKE = [
  `${DUPLICATE_KEY}|%`,
  "% already appeared on line % of this file",
] as const;

export interface FileKeys {
  /** Takes `key` for `line`; if an earlier row had it, that row's line instead. */
  claim(key: string, line: number): number | undefined;
  /** Every key taken so far. */
  keys(): IterableIterator<string>;
}

export function createFileKeys(): FileKeys {
  const firstLine = new Map<string, number>();
  return {
    claim(key, line) {
      const earlier = firstLine.get(key);
      if (earlier !== undefined) return earlier;
      firstLine.set(key, line);
      return undefined;
    },
    keys: () => firstLine.keys(),
  };
}

/** The header mapped to the first of `fields` the file has (the last such column wins). */
export function headerOfFields(
  headers: readonly string[],
  mapping: ColumnMapping,
  fields: readonly string[],
): string | null {
  for (const field of fields) {
    const header = headers.findLast((candidate) => mapping[candidate] === field);
    if (header !== undefined) return header;
  }
  return null;
}
