/**
 * Segment × product report for a finished run: lift of each category and product per
 * segment (analytics/lift.ts), association rules over baskets (one basket = one order, i.e.
 * the lines sharing an order id; a line without an order id falls in its customer's basket of
 * that day, as before files carried orders), next-best products per
 * customer from those rules, and each segment's most common top-3 category interests.
 * Purchases are non-return rows with a positive amount, before the run's reference date.
 */

import type { WorkspaceScope } from "#db/scoped";
import { associationRules, type BasketOptions, createRecommender } from "~/analytics/basket";
import { topCategoriesPerCustomer } from "~/analytics/category-interest";
import { dayToIsoDate, toUtcDay } from "~/analytics/columns";
import { segmentItemLift } from "~/analytics/lift";
import { loadProductNames } from "./product-labels.server";
import { loadSegmentMembers, runReferenceDate } from "./segment-members.server";
import { loadTransactionColumns, type TransactionColumns } from "./transaction-columns.server";

export interface ProductMatchOptions extends BasketOptions {
  /** Products listed per segment, best lower lift bound first (default 10). */
  productsPerSegment?: number;
  /** Association rules listed (default 50; all rules feed the recommendations). */
  rulesListed?: number;
  /** Customers listed with next-best products (default: all who get a suggestion). */
  nextBestLimit?: number;
}

function purchaseRows(tx: TransactionColumns, segmentOf: Int32Array, referenceDay: number) {
  const rows: number[] = [];
  for (let r = 0; r < tx.rows; r++) {
    const isPurchase = !tx.isReturn[r] && (tx.amount[r] as number) > 0;
    if (
      isPurchase &&
      (tx.day[r] as number) < referenceDay &&
      segmentOf[tx.customerIndex[r] as number] !== -1
    )
      rows.push(r);
  }
  return rows;
}

/**
 * Baskets: the distinct products of one order (its lines, whoever the file says bought them:
 * the order id is the workspace's key), or, for lines without an order id, of one customer on
 * one day. Two orders of one customer on one day are two baskets; an order's lines never mix
 * with that customer's order-less lines of the same day.
 */
function basketsOf(tx: TransactionColumns, rows: readonly number[]): string[][] {
  const names = tx.products ?? [];
  const byKey = new Map<string, Set<string>>();
  for (const r of rows) {
    const product = names[tx.productIndex?.[r] ?? -1];
    if (product === undefined) continue;
    const order = tx.orderIndex?.[r] ?? -1;
    const key = order >= 0 ? `o${order}` : `${tx.customerIndex[r]}:${tx.day[r]}`;
    const basket = byKey.get(key) ?? new Set<string>();
    byKey.set(key, basket);
    basket.add(product);
  }
  return [...byKey.values()].map((basket) => [...basket]);
}

export function matchProducts(
  scope: WorkspaceScope,
  runId: number,
  options: ProductMatchOptions = {},
) {
  const { productsPerSegment = 10, rulesListed = 50, nextBestLimit } = options;
  const members = loadSegmentMembers(scope, runId);
  const { customers, segmentOf, segments } = members;
  const referenceDate = runReferenceDate(members.run);
  const referenceDay = referenceDate ? toUtcDay(referenceDate) : Number.POSITIVE_INFINITY;
  const tx = loadTransactionColumns(scope, customers, {
    withCategory: true,
    withProduct: true,
    withOrder: true,
  });
  const rows = purchaseRows(tx, segmentOf, referenceDay);
  const pick = (column: Int32Array | undefined) => Int32Array.from(rows, (r) => column?.[r] ?? -1);
  const withItem = (items: Int32Array) => rows.filter((_, i) => (items[i] as number) >= 0);

  const liftOf = (column: Int32Array | undefined, names: string[]) => {
    const items = pick(column);
    const kept = withItem(items);
    return segmentItemLift({
      customerSegment: segmentOf,
      segmentNames: segments,
      purchaseCustomer: Int32Array.from(kept, (r) => tx.customerIndex[r] as number),
      purchaseItem: Int32Array.from(kept, (r) => column?.[r] as number),
      itemNames: names,
    });
  };
  const categoryLift = liftOf(tx.categoryIndex, tx.categories ?? []);
  const productLift = liftOf(tx.productIndex, tx.products ?? []);
  const productNames = loadProductNames(scope);

  const baskets = basketsOf(tx, rows);
  const basket = associationRules(baskets, options);
  const recommend = createRecommender(basket.rules);

  // Interest uses every row before the reference day, returns lowering the score.
  const interestRows = [];
  for (let r = 0; r < tx.rows; r++)
    if ((tx.categoryIndex?.[r] ?? -1) >= 0 && segmentOf[tx.customerIndex[r] as number] !== -1)
      interestRows.push(r);
  const interests = topCategoriesPerCustomer(
    {
      customerIndex: Int32Array.from(interestRows, (r) => tx.customerIndex[r] as number),
      categoryIndex: Int32Array.from(interestRows, (r) => tx.categoryIndex?.[r] as number),
      amount: Float64Array.from(interestRows, (r) =>
        tx.isReturn[r] ? -Math.abs(tx.amount[r] as number) : (tx.amount[r] as number),
      ),
      day: Int32Array.from(interestRows, (r) => tx.day[r] as number),
      categoryNames: tx.categories ?? [],
      customerCount: customers.ids.length,
    },
    Number.isFinite(referenceDay) ? { referenceDay } : {},
  );

  const owned = new Map<number, Set<string>>();
  for (const r of rows) {
    const product = tx.products?.[tx.productIndex?.[r] ?? -1];
    if (product === undefined) continue;
    const c = tx.customerIndex[r] as number;
    const set = owned.get(c) ?? new Set<string>();
    owned.set(c, set);
    set.add(product);
  }
  const nextBest = [];
  for (const [c, have] of [...owned].sort((a, b) => a[0] - b[0])) {
    const suggestions = recommend(have, 3);
    if (suggestions.length === 0) continue;
    nextBest.push({
      customer_id: customers.ids[c] as number,
      segment: segments[segmentOf[c] as number] as string,
      interests: (interests[c] ?? []).map((i) => i.category),
      suggestions,
    });
  }

  const interestShare = segments.map(() => new Map<string, number>());
  interests.forEach((top, c) => {
    const shares = interestShare[segmentOf[c] as number];
    if (shares)
      for (const { category } of top) shares.set(category, (shares.get(category) ?? 0) + 1);
  });

  return {
    run_id: members.run.id,
    run_kind: members.run.kind,
    reference_date: Number.isFinite(referenceDay) ? dayToIsoDate(referenceDay) : null,
    ...members.exclusion,
    purchases_used: rows.length,
    segments: segments.map((segment, s) => ({
      segment,
      customers: members.sizes[s] ?? 0,
      categories: categoryLift[s]?.items ?? [],
      products: (productLift[s]?.items ?? [])
        .slice(0, productsPerSegment)
        .map((row) => ({ ...row, name: productNames.get(row.item) ?? null })),
      top_interests: [...(interestShare[s] ?? new Map<string, number>())]
        .map(([category, count]) => ({ category, share: count / (members.sizes[s] || 1) }))
        .sort((a, b) => b.share - a.share || a.category.localeCompare(b.category))
        .slice(0, 3),
    })),
    association_rules: {
      baskets: basket.basketCount,
      rules_found: basket.rules.length,
      rules: basket.rules.slice(0, rulesListed),
    },
    customers_with_suggestions: nextBest.length,
    next_best: nextBestLimit === undefined ? nextBest : nextBest.slice(0, nextBestLimit),
  };
}
