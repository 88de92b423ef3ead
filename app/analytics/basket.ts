/**
 * Market-basket analysis: association rules A → C from FP-Growth itemsets, and
 * next-best-product suggestions per customer from those rules.
 */
import { encodeKeys } from "./columns";
import { fpGrowth } from "./fp-growth";

export interface BasketOptions {
  /** Minimum support of an itemset, as a share of baskets (default 0.01). */
  minSupport?: number;
  /** Minimum confidence of a rule (default 0.2). */
  minConfidence?: number;
  /** Minimum lift of a rule (default 1: only positive associations). */
  minLift?: number;
  /** Largest itemset mined (default 3) — bounds time on wide catalogues. */
  maxItemsetSize?: number;
}

export interface Itemset {
  items: string[];
  count: number;
  support: number;
}

export interface AssociationRule {
  antecedent: string[];
  consequent: string[];
  /** supp(A ∪ C) = baskets with all items / all baskets. */
  support: number;
  /** supp(A ∪ C) / supp(A). */
  confidence: number;
  /** confidence / supp(C). */
  lift: number;
  count: number;
}

export interface BasketAnalysis {
  basketCount: number;
  itemsets: Itemset[];
  rules: AssociationRule[];
}

/**
 * Frequent itemsets with supp ≥ minSupport (count ≥ ⌈minSupport · baskets⌉) and every rule
 * A → C (A, C non-empty, disjoint, A ∪ C frequent) with confidence ≥ minConfidence and
 * lift ≥ minLift, sorted by lift, then confidence, then support (descending).
 */
export function associationRules(
  baskets: readonly (readonly string[])[],
  options: BasketOptions = {},
): BasketAnalysis {
  const { minSupport = 0.01, minConfidence = 0.2, minLift = 1, maxItemsetSize = 3 } = options;
  const basketCount = baskets.length;
  const { codes, keys } = encodeKeys(baskets.flat());
  const coded: number[][] = [];
  let offset = 0;
  for (const basket of baskets) {
    coded.push(Array.from(codes.subarray(offset, offset + basket.length)));
    offset += basket.length;
  }
  // Small epsilon so 0.6 × 5 = 3.0000000000000004 still means "at least 3 baskets".
  const minCount = Math.max(1, Math.ceil(minSupport * basketCount - 1e-9));
  const frequent = fpGrowth(coded, minCount, maxItemsetSize);
  const countOf = new Map(frequent.map((f) => [f.items.join(","), f.count]));
  const names = (items: number[]) => items.map((i) => keys[i] as string).sort();

  const rules: AssociationRule[] = [];
  for (const itemset of frequent) {
    const size = itemset.items.length;
    if (size < 2) continue;
    // Every non-empty proper subset as antecedent, via bit masks over the itemset.
    for (let mask = 1; mask < (1 << size) - 1; mask++) {
      const antecedent = itemset.items.filter((_, i) => mask & (1 << i));
      const consequent = itemset.items.filter((_, i) => !(mask & (1 << i)));
      const antecedentCount = countOf.get(antecedent.join(",")) as number;
      const consequentCount = countOf.get(consequent.join(",")) as number;
      const confidence = itemset.count / antecedentCount;
      const lift = confidence / (consequentCount / basketCount);
      if (confidence < minConfidence || lift < minLift) continue;
      rules.push({
        antecedent: names(antecedent),
        consequent: names(consequent),
        support: itemset.count / basketCount,
        confidence,
        lift,
        count: itemset.count,
      });
    }
  }
  rules.sort((a, b) => b.lift - a.lift || b.confidence - a.confidence || b.support - a.support);
  const itemsets = frequent
    .map((f) => ({ items: names(f.items), count: f.count, support: f.count / basketCount }))
    .sort((a, b) => b.count - a.count || a.items.join(",").localeCompare(b.items.join(",")));
  return { basketCount, itemsets, rules };
}

export interface Suggestion {
  item: string;
  confidence: number;
  lift: number;
  /** The rule's antecedent: "bought together with …". */
  because: string[];
}

/**
 * Next-best products: items not yet bought that are the single consequent of a rule whose
 * whole antecedent the customer has bought; each item scored by its best rule's confidence
 * (ties: higher lift, then name); top `limit` items. Build once, call per customer: rules
 * are indexed by their first antecedent item so each call only visits rules that can apply.
 */
export function createRecommender(
  rules: readonly AssociationRule[],
): (owned: Iterable<string>, limit?: number) => Suggestion[] {
  const byFirstItem = new Map<string, AssociationRule[]>();
  for (const rule of rules) {
    const first = rule.antecedent[0];
    if (rule.consequent.length !== 1 || first === undefined) continue;
    const list = byFirstItem.get(first);
    if (list) list.push(rule);
    else byFirstItem.set(first, [rule]);
  }
  return (owned, limit = 3) => {
    const have = new Set(owned);
    const best = new Map<string, Suggestion>();
    for (const first of have) {
      for (const rule of byFirstItem.get(first) ?? []) {
        const item = rule.consequent[0] as string;
        if (have.has(item) || !rule.antecedent.every((a) => have.has(a))) continue;
        const current = best.get(item);
        const better =
          !current ||
          rule.confidence > current.confidence ||
          (rule.confidence === current.confidence && rule.lift > current.lift);
        if (better)
          best.set(item, {
            item,
            confidence: rule.confidence,
            lift: rule.lift,
            because: rule.antecedent,
          });
      }
    }
    return [...best.values()]
      .sort(
        (a, b) => b.confidence - a.confidence || b.lift - a.lift || a.item.localeCompare(b.item),
      )
      .slice(0, limit);
  };
}

/** One-off form of createRecommender for a single customer. */
export function nextBestProducts(
  owned: Iterable<string>,
  rules: readonly AssociationRule[],
  limit = 3,
): Suggestion[] {
  return createRecommender(rules)(owned, limit);
}
