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

/** A normalised header or spelling with the forms the scores compare, worked out once. */
interface Prepared {
  text: string;
  /** Without underscores. */
  joined: string;
  words: string[];
  /** The words in alphabetical order, joined. */
  sorted: string;
}

function prepare(normalised: string): Prepared {
  const words = headerTokens(normalised);
  return {
    text: normalised,
    joined: normalised.replaceAll("_", ""),
    words,
    sorted: [...words].sort().join("_"),
  };
}

function preparedScore(header: Prepared, spelling: Prepared): number {
  if (header.text === spelling.text) return 1;
  if (header.joined === spelling.joined) return 0.95;
  const sameCount = header.words.length === spelling.words.length;
  if (sameCount && header.sorted === spelling.sorted) return 0.9;
  if (sameCount && containsAll(header.words, spelling.words)) return 0.8;
  // Extra words around a distinctive spelling: "customer_email_address" holds "email".
  if (spelling.joined.length >= MIN_STEM && containsAll(header.words, spelling.words)) {
    return 0.5 + (0.3 * spelling.words.length) / header.words.length;
  }
  return 0;
}

/** Score of a normalised header against one normalised spelling, 0 when unrelated. */
export function spellingScore(header: string, spelling: string): number {
  return preparedScore(prepare(header), prepare(spelling));
}

interface FieldSpelling {
  field: string;
  spelling: Prepared;
}

/** Alike tokens (tokensAlike) share this start: the whole token when shorter than a stem. */
const tokenKey = (token: string) => token.slice(0, MIN_STEM);

/**
 * Each field's spellings, prepared once per kind and indexed, so that a header is scored
 * only against spellings it can match: a spelling scores above 0 only when it equals the
 * header without underscores, or when its first word is alike a word of the header (so both
 * start alike). Scoring a file of 5,000 columns against every spelling took 2 s.
 */
interface SpellingIndex {
  byJoined: Map<string, FieldSpelling[]>;
  byFirstWord: Map<string, FieldSpelling[]>;
}

const spellingIndexes = new Map<DatasetKind, SpellingIndex>();

function addTo(index: Map<string, FieldSpelling[]>, key: string, entry: FieldSpelling) {
  const list = index.get(key);
  if (list) list.push(entry);
  else index.set(key, [entry]);
}

function spellingsOf(kind: DatasetKind): SpellingIndex {
  const cached = spellingIndexes.get(kind);
  if (cached) return cached;
  const table = synonymsOf(kind);
  const index: SpellingIndex = { byJoined: new Map(), byFirstWord: new Map() };
  for (const field of fieldsOf(kind)) {
    for (const written of [field, ...(table[field] ?? [])]) {
      const entry = { field, spelling: prepare(normaliseHeader(written)) };
      addTo(index.byJoined, entry.spelling.joined, entry);
      const first = entry.spelling.words[0];
      if (first) addTo(index.byFirstWord, tokenKey(first), entry);
    }
  }
  spellingIndexes.set(kind, index);
  return index;
}

/** The spellings `header` may match (a superset of those it does). */
function candidateSpellings(kind: DatasetKind, header: Prepared): Set<FieldSpelling> {
  const index = spellingsOf(kind);
  const candidates = new Set(index.byJoined.get(header.joined) ?? []);
  for (const key of new Set(header.words.map(tokenKey))) {
    for (const entry of index.byFirstWord.get(key) ?? []) candidates.add(entry);
  }
  return candidates;
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
  const prepared = prepare(normalised);
  const best = new Map<string, number>();
  for (const { field, spelling } of candidateSpellings(kind, prepared)) {
    const confidence = preparedScore(prepared, spelling);
    if (confidence > (best.get(field) ?? 0)) best.set(field, confidence);
  }
  // In the order of the kind's fields, as before the index, so equal matches sort alike.
  const matches: FieldMatch[] = fieldsOf(kind).flatMap((field) => {
    const confidence = best.get(field) ?? 0;
    return confidence >= MIN_CONFIDENCE ? [{ field, confidence }] : [];
  });
  if (kind === "channel_audiences") {
    const pattern = ageBandField(normalised) ?? interestField(normalised);
    if (pattern) matches.push({ field: pattern, confidence: PATTERN_CONFIDENCE });
  }
  return matches.sort((a, b) => b.confidence - a.confidence);
}
