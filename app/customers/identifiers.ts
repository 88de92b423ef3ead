/**
 * Finds and blanks out one person's identifiers in free text (rejected rows' raw lines,
 * error messages, JSON details), for erasure. Erasure errs on the side of removing: a
 * rejected row is only a diagnostic copy, while keeping an erased person's data is a breach.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { foldCase } from "~/ingest/normalise";

export interface PersonIdentifiers {
  externalIds: string[];
  emails: string[];
  /** E.164, as profiles and source records store them. */
  phones: string[];
  names: string[];
}

export const ERASED = "[erased]";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const fold = (text: string) => foldCase(text).replace(/\s+/g, " ").trim();
/** A term not glued to other letters or digits: "C1" is in "C1,Ali" but not in "C10". */
const wholeTerm = (term: string, flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, flags);
/** Digits written with the usual separators: "+90 (532) 123-45-67", "0532 123 45 67". */
const DIGIT_RUN = /\+?\d[\d\s().\-/]*\d/g;
/** Cells of a CSV line (any delimiter) or a JSON object, for exact id comparison. */
const CELL_SEPARATORS = /[,;\t|{}[\]:"'\r\n]/;

/** The digits that identify the number whatever prefix was written (0, +90, 0090). */
function significantDigits(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const national = parsed?.nationalNumber ?? "";
  // Very short national numbers would match unrelated digits; fall back to the full number.
  return national.length >= 6 ? national : e164.replace(/\D/g, "");
}

export interface PersonMatcher {
  mentions(text: string): boolean;
  redact(text: string): string;
  redactJson(value: unknown): unknown;
}

export function personMatcher(person: PersonIdentifiers): PersonMatcher {
  const folded = (values: string[]) => [...new Set(values.map(fold).filter(Boolean))];
  const ids = new Set(folded(person.externalIds));
  const textTerms = folded([...person.emails, ...person.names]).map((t) => wholeTerm(t, "u"));
  const anyTerms = [...textTerms, ...[...ids].map((t) => wholeTerm(t, "u"))];
  const written = [...person.externalIds, ...person.emails, ...person.names].map((t) => t.trim());
  const redactTerms = [...new Set([...written, ...ids, ...folded(written)])]
    .filter(Boolean)
    .map((t) => wholeTerm(t, "giu"));
  const phoneDigits = [...new Set(person.phones.map(significantDigits))].filter(Boolean);
  const isPhone = (run: string) => {
    const digits = run.replace(/\D/g, "");
    return phoneDigits.some((p) => digits.includes(p));
  };
  const hasPhone = (text: string) => (text.match(DIGIT_RUN) ?? []).some(isPhone);

  /** Strict for ids (a whole cell), since short ids such as "12" also occur inside dates. */
  const mentions = (text: string): boolean => {
    const foldedText = fold(text);
    if (textTerms.some((term) => term.test(foldedText))) return true;
    if (foldedText.split(CELL_SEPARATORS).some((cell) => ids.has(cell.trim()))) return true;
    return hasPhone(text);
  };

  const redact = (text: string): string => {
    let result = text.replace(DIGIT_RUN, (run) => (isPhone(run) ? ERASED : run));
    for (const term of redactTerms) result = result.replace(term, ERASED);
    // A spelling the patterns missed (e.g. "ALİ" for "Ali") costs the whole text.
    const foldedResult = fold(result);
    return anyTerms.some((t) => t.test(foldedResult)) || hasPhone(result) ? ERASED : result;
  };

  const redactJson = (value: unknown): unknown => {
    if (typeof value === "string") return redact(value);
    if (Array.isArray(value)) return value.map(redactJson);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [redact(key), redactJson(inner)]),
      );
    }
    return value;
  };

  return { mentions, redact, redactJson };
}
