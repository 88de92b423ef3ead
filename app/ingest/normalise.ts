/**
 * Text folding for matching headers and words (yes/no, gender, source) typed in English,
 * Turkish or Russian. Folding is lossy on purpose: it is only ever used to compare, never
 * to store what the user wrote.
 */

const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060\u00AD]/g;
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

/** Folds a short answer typed in a cell ("EVET", " Нет ", "Kadın") for lookup in a word list. */
export function foldWord(text: string): string {
  return foldCase(text)
    .replace(/[\s._-]+/g, " ")
    .trim();
}

/**
 * A header in a canonical spelling: "Customer ID", "customerId", "CUSTOMER-ID" and
 * "customer_id" all become "customer_id"; "Müşteri No" becomes "musteri_no"; "ID клиента"
 * becomes "id_клиента"; "55+" becomes "55_plus" and "№" / "#" read as "no".
 */
export function normaliseHeader(raw: string): string {
  const spaced = raw
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1_$2")
    .replace(/\+/g, "_plus_")
    .replace(/[№#]/g, "_no_")
    .replace(/%/g, " ");
  return foldCase(spaced)
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
}

/** The words of a normalised header. */
export function headerTokens(normalised: string): string[] {
  return normalised.split("_").filter((token) => token.length > 0);
}
