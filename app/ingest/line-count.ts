/**
 * Line numbers as a marketer counts them in an editor: CRLF, CR and LF are one line break
 * each. csv-parse counts a CRLF inside a quoted field as two lines, so the lines it reports
 * drift by one per such CRLF; readers subtract what the records' own fields hold.
 */

/** Line breaks in `text` (CRLF counted once). */
export function lineBreaks(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10) count++;
    else if (code === 13 && text.charCodeAt(at + 1) !== 10) count++;
  }
  return count;
}

/** How many lines csv-parse counted too many for a record with these fields. */
export function crlfInFields(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let at = field.indexOf("\r\n"); at !== -1; at = field.indexOf("\r\n", at + 2)) count++;
  }
  return count;
}
