/**
 * Each customer's top categories from their transactions, weighted by spend and recency:
 * a purchase's weight halves every halfLifeDays, so recent interest outweighs old habits.
 */

export interface CategoryInterestInput {
  customerIndex: ArrayLike<number>;
  categoryIndex: ArrayLike<number>;
  /** Net amount of the row; returns (negative) reduce the interest. */
  amount: ArrayLike<number>;
  /** UTC day number (see toUtcDay). */
  day: ArrayLike<number>;
  categoryNames: readonly string[];
  customerCount: number;
}

export interface CategoryInterest {
  category: string;
  /** Σ amount · 0.5^(age in days / half-life). */
  score: number;
  /** score / Σ of the customer's positive category scores. */
  share: number;
}

/**
 * score(customer, category) = Σ amountᵢ · 0.5^((D − dayᵢ) / halfLifeDays) over that
 * customer's rows in that category, D = reference day (default last day + 1; later rows are
 * ignored). Per customer the `top` categories with a positive score, highest first
 * (ties by name); customers without any get an empty list.
 */
export function topCategoriesPerCustomer(
  input: CategoryInterestInput,
  options: { referenceDay?: number; halfLifeDays?: number; top?: number } = {},
): CategoryInterest[][] {
  const { halfLifeDays = 90, top = 3 } = options;
  const rows = input.customerIndex.length;
  let referenceDay = options.referenceDay;
  if (referenceDay === undefined) {
    referenceDay = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < rows; i++)
      referenceDay = Math.max(referenceDay, (input.day[i] as number) + 1);
  }
  const categoryCount = input.categoryNames.length;
  const scores = new Map<number, number>();
  for (let i = 0; i < rows; i++) {
    const age = referenceDay - (input.day[i] as number);
    if (age <= 0) continue;
    const key =
      (input.customerIndex[i] as number) * categoryCount + (input.categoryIndex[i] as number);
    const weight = (input.amount[i] as number) * 0.5 ** (age / halfLifeDays);
    scores.set(key, (scores.get(key) ?? 0) + weight);
  }
  const perCustomer: { category: number; score: number }[][] = Array.from(
    { length: input.customerCount },
    () => [],
  );
  for (const [key, score] of scores) {
    if (score <= 0) continue;
    const customer = Math.floor(key / categoryCount);
    perCustomer[customer]?.push({ category: key - customer * categoryCount, score });
  }
  return perCustomer.map((entries) => {
    const total = entries.reduce((sum, e) => sum + e.score, 0);
    return entries
      .map((e) => ({
        category: input.categoryNames[e.category] as string,
        score: e.score,
        share: e.score / total,
      }))
      .sort((a, b) => b.score - a.score || a.category.localeCompare(b.category))
      .slice(0, top);
  });
}
