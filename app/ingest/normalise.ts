/**
 * Text folding for matching headers and words (yes/no, gender, source) typed in English,
 * Turkish or Russian. Folding is lossy on purpose: it is only ever used to compare, never
 * to store what the user wrote.
 */

import { foldCase, INVISIBLE } from "#db/fold-case";

export { foldCase };

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
