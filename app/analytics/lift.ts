/**
 * Segment × product (or category) lift: how much more often a segment's customers buy an
 * item than customers overall, smoothed towards 1 for small segments and ranked by the lower
 * bound of a 95 % interval so a segment of three lucky customers cannot top the list.
 */

export interface LiftInput {
  /** Segment code per customer (0..segmentNames.length − 1); −1 = not in the analysis. */
  customerSegment: ArrayLike<number>;
  segmentNames: readonly string[];
  /** Purchase rows: customer code and item code (repeat purchases count once). */
  purchaseCustomer: ArrayLike<number>;
  purchaseItem: ArrayLike<number>;
  itemNames: readonly string[];
}

export interface LiftOptions {
  /** α: pseudo-customers of prior evidence at the base rate (default 10). */
  priorStrength?: number;
  /** z of the interval (default 1.96 ≈ 95 %). */
  z?: number;
}

export interface LiftRow {
  item: string;
  /** x: segment customers who bought the item. */
  buyers: number;
  /** x / n. */
  segmentRate: number;
  /** p₀ = all buyers / all customers. */
  baseRate: number;
  /** (x + α·p₀) / (n + α). */
  smoothedRate: number;
  /** smoothedRate / p₀. */
  lift: number;
  liftLow: number;
  liftHigh: number;
}

export interface SegmentLift {
  segment: string;
  /** n: customers in the segment. */
  customers: number;
  /** Items with at least one buyer overall, by liftLow descending. */
  items: LiftRow[];
}

/**
 * Wilson score interval for a proportion with x successes in n trials:
 * centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
 * Works with fractional (smoothed) counts.
 */
export function wilsonInterval(x: number, n: number, z = 1.96): [number, number] {
  if (n <= 0) return [0, 1];
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Lift per segment and item. With x buyers among n segment customers and base rate p₀:
 * smoothed counts x′ = x + α·p₀, n′ = n + α (a Beta prior worth α customers centred on p₀),
 * lift = (x′/n′) / p₀, interval = Wilson(x′, n′) / p₀ (p₀ treated as known: it comes from
 * all customers). Items are ranked by the lower bound of that interval.
 */
export function segmentItemLift(input: LiftInput, options: LiftOptions = {}): SegmentLift[] {
  const { priorStrength = 10, z = 1.96 } = options;
  const segmentCount = input.segmentNames.length;
  const itemCount = input.itemNames.length;
  const segmentSize = new Array<number>(segmentCount).fill(0);
  let customersInScope = 0;
  for (let c = 0; c < input.customerSegment.length; c++) {
    const s = input.customerSegment[c] as number;
    if (s < 0) continue;
    segmentSize[s] = (segmentSize[s] ?? 0) + 1;
    customersInScope++;
  }
  // buyers[s · itemCount + item], each (customer, item) pair counted once.
  const buyers = new Float64Array(segmentCount * itemCount);
  const itemBuyers = new Float64Array(itemCount);
  const seen = new Set<number>();
  for (let r = 0; r < input.purchaseCustomer.length; r++) {
    const customer = input.purchaseCustomer[r] as number;
    const item = input.purchaseItem[r] as number;
    const s = input.customerSegment[customer] ?? -1;
    if (s < 0) continue;
    const key = customer * itemCount + item;
    if (seen.has(key)) continue;
    seen.add(key);
    buyers[s * itemCount + item] = (buyers[s * itemCount + item] as number) + 1;
    itemBuyers[item] = (itemBuyers[item] as number) + 1;
  }

  return input.segmentNames.map((segment, s) => {
    const n = segmentSize[s] as number;
    const items: LiftRow[] = [];
    for (let item = 0; item < itemCount; item++) {
      const baseRate = (itemBuyers[item] as number) / customersInScope;
      if (!(baseRate > 0)) continue;
      const x = buyers[s * itemCount + item] as number;
      const smoothedX = x + priorStrength * baseRate;
      const smoothedN = n + priorStrength;
      const [low, high] = wilsonInterval(smoothedX, smoothedN, z);
      items.push({
        item: input.itemNames[item] as string,
        buyers: x,
        segmentRate: n === 0 ? 0 : x / n,
        baseRate,
        smoothedRate: smoothedX / smoothedN,
        lift: smoothedX / smoothedN / baseRate,
        liftLow: low / baseRate,
        liftHigh: high / baseRate,
      });
    }
    items.sort((a, b) => b.liftLow - a.liftLow || b.lift - a.lift || a.item.localeCompare(b.item));
    return { segment, customers: n, items };
  });
}
