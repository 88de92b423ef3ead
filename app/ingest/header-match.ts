/**
 * How well a header matches a field: scored against every spelling of the field, exact
 * spellings first, then looser forms (joined words, other word order, Russian and Turkish
 * endings, extra words around the spelling).
 */
import { type DatasetKind, fieldsOf } from "./kinds";
import { headerTokens, normaliseHeader } from "./normalise";
import { agePrefixWords, interestPrefixes } from "./synonyms/channel-audiences";
import { synonymsOf } from "./synonyms/index";

export interface FieldMatch {
  field: string;
  confidence: number;
}

/** Matches below this are not proposed; the user maps such columns by hand. */
export const MIN_CONFIDENCE = 0.6;
/** Confidence of the open-ended audience columns (age bands, interests). */
const PATTERN_CONFIDENCE = 0.9;
/** Case endings differ by a few letters: "клиент" / "клиента", "numara" / "numarası". */
const MAX_ENDING = 3;
const MIN_STEM = 4;

function tokensAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return (
    short.length >= MIN_STEM && long.startsWith(short) && long.length - short.length <= MAX_ENDING
  );
}

/** Every token of `part` has an alike token in `whole`, each used once. */
function containsAll(whole: string[], part: string[]): boolean {
  const unused = [...whole];
  return part.every((token) => {
    const at = unused.findIndex((candidate) => tokensAlike(candidate, token));
    if (at < 0) return false;
    unused.splice(at, 1);
    return true;
  });
}

/** Score of a normalised header against one normalised spelling, 0 when unrelated. */
export function spellingScore(header: string, spelling: string): number {
  if (header === spelling) return 1;
  if (header.replaceAll("_", "") === spelling.replaceAll("_", "")) return 0.95;
  const headerWords = headerTokens(header);
  const spellingWords = headerTokens(spelling);
  const sameCount = headerWords.length === spellingWords.length;
  if (sameCount && [...headerWords].sort().join("_") === [...spellingWords].sort().join("_")) {
    return 0.9;
  }
  if (sameCount && containsAll(headerWords, spellingWords)) return 0.8;
  // Extra words around a distinctive spelling: "customer_email_address" holds "email".
  if (spelling.replaceAll("_", "").length >= MIN_STEM && containsAll(headerWords, spellingWords)) {
    return 0.5 + (0.3 * spellingWords.length) / headerWords.length;
  }
  return 0;
}

const normalisedSpellings = new Map<DatasetKind, Map<string, string[]>>();

function spellingsOf(kind: DatasetKind): Map<string, string[]> {
  const cached = normalisedSpellings.get(kind);
  if (cached) return cached;
  const table = synonymsOf(kind);
  const spellings = new Map(
    fieldsOf(kind).map((field) => [
      field,
      [field, ...(table[field] ?? [])].map((spelling) => normaliseHeader(spelling)),
    ]),
  );
  normalisedSpellings.set(kind, spellings);
  return spellings;
}

const AGE_OPEN_END = [["plus"], ["over"], ["ve", "uzeri"], ["ve", "ustu"], ["и", "старше"]];

/** "age_18_24", "18_24_yas", "возраст_25_34" → age_18_24; "55_plus", "55_ve_uzeri" → age_55_plus. */
export function ageBandField(normalised: string): string | null {
  const words = headerTokens(normalised).filter((token) => !agePrefixWords.has(token));
  const [low, ...rest] = words;
  if (!low || !/^\d{1,2}$/.test(low)) return null;
  if (rest.length === 1 && /^\d{1,2}$/.test(rest[0] ?? "") && Number(low) < Number(rest[0])) {
    return `age_${Number(low)}_${Number(rest[0])}`;
  }
  const openEnded = AGE_OPEN_END.some((end) => end.join("_") === rest.join("_"));
  return openEnded ? `age_${Number(low)}_plus` : null;
}

/** "interest_sports", "ilgi_alani_spor", "интерес_спорт" → interest_<rest>. */
export function interestField(normalised: string): string | null {
  const words = headerTokens(normalised);
  for (const prefix of [...interestPrefixes].sort((a, b) => b.length - a.length)) {
    const rest = words.slice(prefix.length);
    if (rest.length > 0 && prefix.every((word, index) => words[index] === word)) {
      return `interest_${rest.join("_")}`;
    }
  }
  return null;
}

/** Every field a header could be, best first. */
export function fieldMatches(kind: DatasetKind, header: string): FieldMatch[] {
  const normalised = normaliseHeader(header);
  const matches: FieldMatch[] = [];
  for (const [field, spellings] of spellingsOf(kind)) {
    const confidence = Math.max(
      ...spellings.map((spelling) => spellingScore(normalised, spelling)),
    );
    if (confidence >= MIN_CONFIDENCE) matches.push({ field, confidence });
  }
  if (kind === "channel_audiences") {
    const pattern = ageBandField(normalised) ?? interestField(normalised);
    if (pattern) matches.push({ field: pattern, confidence: PATTERN_CONFIDENCE });
  }
  return matches.sort((a, b) => b.confidence - a.confidence);
}
