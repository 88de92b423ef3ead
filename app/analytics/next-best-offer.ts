/**
 * Next best offers of one customer: candidate categories ranked by expected value =
 * propensity to buy in the next `horizonDays` × the value of a purchase, leaving out what
 * the customer already holds and offers they declined recently, each with its reason
 * (docs/analytics.md §22).
 * - A category the customer buys again and again: their own rate, one purchase every m days,
 *   gives P(at least one in H days) = 1 − exp(−H / m) (a Poisson process at their pace); the
 *   value is their own mean spend on it.
 * - A category they never bought (or bought once): the share of their segment who bought it (the base rate a
 *   marketer would use), times the mean spend of its buyers.
 * - A category they bought that people do not buy again (a loan, a card: the median buyer
 *   bought it once) is held, not offered again.
 */

export interface CategoryHistory {
  category: string;
  /** Days (any epoch) of the customer's purchases in the category, ascending. */
  days: readonly number[];
  /** Total spend on it. */
  spend: number;
}

export interface CategoryFacts {
  category: string;
  /** Share (0–1) of the customer's segment who bought it. */
  segmentBuyerShare: number;
  /** Mean spend per purchase over all its buyers. */
  meanSpendPerPurchase: number;
  /** False when its median buyer bought it only once: owning it once means holding it. */
  repeatable: boolean;
}

export type OfferReason =
  | { kind: "repeat"; everyDays: number; lastDaysAgo: number }
  | { kind: "segment"; share: number };

export interface OfferSuggestion {
  category: string;
  propensity: number;
  value: number;
  expectedValue: number;
  reason: OfferReason;
}

export interface NextBestOfferInput {
  history: readonly CategoryHistory[];
  facts: readonly CategoryFacts[];
  /** Categories offered to the customer recently without a conversion. */
  declined: ReadonlySet<string>;
  today: number;
  horizonDays: number;
  limit: number;
}

export function nextBestOffers(input: NextBestOfferInput): OfferSuggestion[] {
  const { today, horizonDays } = input;
  const own = new Map(input.history.map((h) => [h.category, h]));
  const suggestions: OfferSuggestion[] = [];
  for (const fact of input.facts) {
    if (input.declined.has(fact.category)) continue;
    const history = own.get(fact.category);
    if (history && history.days.length > 0 && !fact.repeatable) continue;
    if (history && history.days.length >= 2) {
      const first = history.days[0] as number;
      const last = history.days[history.days.length - 1] as number;
      const everyDays = Math.max(1, (last - first) / (history.days.length - 1));
      const propensity = 1 - Math.exp(-horizonDays / everyDays);
      const value = history.spend / history.days.length;
      suggestions.push({
        category: fact.category,
        propensity,
        value,
        expectedValue: propensity * value,
        reason: { kind: "repeat", everyDays, lastDaysAgo: today - last },
      });
    } else if (fact.segmentBuyerShare > 0) {
      const propensity = fact.segmentBuyerShare;
      suggestions.push({
        category: fact.category,
        propensity,
        value: fact.meanSpendPerPurchase,
        expectedValue: propensity * fact.meanSpendPerPurchase,
        reason: { kind: "segment", share: fact.segmentBuyerShare },
      });
    }
  }
  return suggestions
    .sort((a, b) => b.expectedValue - a.expectedValue || a.category.localeCompare(b.category))
    .slice(0, input.limit);
}
