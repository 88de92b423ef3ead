/**
 * Which sales an offer's target names: a product code, a product name or a category, typed
 * the way the marketer remembers it (case and Turkish/Russian accents ignored). When nothing
 * matches, the closest names are suggested. No I/O: the catalogue is passed in.
 */
import { message, messageList } from "~/i18n/message-code";
import { foldWord } from "~/ingest/normalise";

/** One product as the catalogue and the sales name it (any part may be missing). */
export interface CatalogueEntry {
  code: string | null;
  name: string | null;
  category: string | null;
}

/** What sales count as buying the target: any of these codes, names or categories. */
export interface ProductTarget {
  codes: string[];
  names: string[];
  categories: string[];
}

export type TargetKind = "code" | "name" | "category";

export interface ResolvedTarget extends ProductTarget {
  kind: TargetKind;
  /** The catalogue's own spelling of what was matched. */
  label: string;
}

export interface Suggestion {
  label: string;
  kind: TargetKind;
}

/** A code first, then a product name, then a category; null when none matches. */
export function resolveTarget(
  catalogue: readonly CatalogueEntry[],
  query: string,
): ResolvedTarget | null {
  const wanted = foldWord(query);
  if (wanted === "") return null;
  const same = (value: string | null): value is string =>
    value !== null && foldWord(value) === wanted;
  for (const kind of ["code", "name", "category"] as const) {
    const hits = catalogue.filter((entry) => same(entry[kind]));
    if (hits.length === 0) continue;
    const label = hits[0]?.[kind] as string;
    const values = (pick: (e: CatalogueEntry) => string | null) =>
      [...new Set(hits.map(pick).filter((v): v is string => v !== null))].sort();
    // Sales are matched on every spelling the catalogue links to the hit: a file's codes
    // when it has them, its names when the sales carry only names.
    return {
      kind,
      label,
      codes: values((e) => e.code),
      names: kind === "category" ? [] : values((e) => e.name),
      categories: kind === "category" ? values((e) => e.category) : [],
    };
  }
  return null;
}

/** Names read best, then categories, then codes. */
const SUGGESTION_ORDER: readonly TargetKind[] = ["name", "category", "code"];

/** Up to `limit` catalogue names close to the query: containing it, or a few typos away. */
export function suggestTargets(
  catalogue: readonly CatalogueEntry[],
  query: string,
  limit = 5,
): Suggestion[] {
  const wanted = foldWord(query);
  const scored = new Map<string, Suggestion & { score: number }>();
  for (const entry of catalogue)
    for (const kind of SUGGESTION_ORDER) {
      const label = entry[kind];
      if (label === null || scored.has(`${kind}:${label}`)) continue;
      const score = closeness(wanted, foldWord(label));
      if (score !== null) scored.set(`${kind}:${label}`, { label, kind, score });
    }
  return [...scored.values()]
    .sort(
      (a, b) =>
        a.score - b.score ||
        SUGGESTION_ORDER.indexOf(a.kind) - SUGGESTION_ORDER.indexOf(b.kind) ||
        a.label.localeCompare(b.label),
    )
    .slice(0, limit)
    .map(({ label, kind }) => ({ label, kind }));
}

/**
 * Lower is closer; null when not close. A name containing the query (or every word of it)
 * comes first, then names a few edits away: about one edit per four letters.
 */
function closeness(wanted: string, candidate: string): number | null {
  if (wanted === "" || candidate === "") return null;
  if (candidate.includes(wanted) || wanted.includes(candidate)) return 0;
  const words = wanted.split(" ");
  const candidateWords = candidate.split(" ");
  const near = (word: string) =>
    candidateWords.some(
      (c) => c.startsWith(word) || editDistance(word, c) <= Math.floor(word.length / 4),
    );
  if (words.every(near)) return 1;
  const distance = editDistance(wanted, candidate);
  return distance <= Math.max(1, Math.floor(wanted.length / 4)) ? 2 + distance : null;
}

/** Levenshtein distance (insertions, deletions, substitutions), two rows of memory. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] as number;
}

/** "Did you mean: Credit Card (category), Kart Aidatı (product)?" as a message, "" without any. */
export function suggestionMessage(suggestions: readonly Suggestion[]): string {
  if (suggestions.length === 0) return "";
  // Each name carries its separator ("A (product)," … "C (code)"): a list inside a message
  // is joined with spaces, and the comma stays with the words of each language.
  const names = suggestions.map((s, i) =>
    message(
      i < suggestions.length - 1
        ? "messages:offer.suggestion.item"
        : "messages:offer.suggestion.last",
      { label: s.label, kind: message(`messages:offer.suggestion.kind.${s.kind}`) },
    ),
  );
  return message("messages:offer.suggestion.didYouMean", { names: messageList(names) });
}
