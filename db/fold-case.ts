/**
 * Case folding for comparing names typed in English, Turkish or Russian. It lives in db/
 * because SQLite calls it as the `fold_case` SQL function (db/client.ts) and nothing in db/ may
 * import from the app above it; the ingest code re-exports it for header and word matching.
 */

export const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060\u00AD]/g;
const LATIN_WITH_MARKS = /([a-z])\p{M}+/gu;

/**
 * Lower-cases the way a Turkish or Russian reader would expect, then removes accents from
 * Latin letters only. `toLowerCase()` alone turns "İ" into "i" + a combining dot, and
 * leaves the dotless "ı" apart from "i", so both are folded by hand first. Cyrillic letters
 * keep their marks (й is not и), except ё, which Russian writers use and omit freely.
 */
export function foldCase(text: string): string {
  const lowered = text
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(/İ/g, "i")
    .toLowerCase()
    .replace(/ı/g, "i")
    .replace(/ё/g, "е");
  return lowered.normalize("NFD").replace(LATIN_WITH_MARKS, "$1").normalize("NFC");
}
