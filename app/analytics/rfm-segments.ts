/**
 * Named RFM segments: the widely used R × F grid (as in the common "RFM segments" map of
 * R score × F score) with F replaced by FM = round((F + M) / 2), so that big spenders who buy
 * rarely are not treated as low value; "Lost" is carved out of the bottom-left
 * (R = 1, FM = 1) corner of Hibernating. Exported as DATA so the page can show the table.
 * Rules are checked in order and the first match wins; together they cover all 25 cells.
 */

export const RFM_SEGMENTS = [
  "Champions",
  "Loyal",
  "Potential loyalist",
  "New",
  "Promising",
  "Need attention",
  "About to sleep",
  "Can't lose them",
  "At risk",
  "Lost",
  "Hibernating",
] as const;

export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface RfmSegmentRule {
  segment: RfmSegment;
  /** Inclusive range of the recency score R (5 = bought most recently). */
  r: readonly [number, number];
  /** Inclusive range of FM = round((F + M) / 2), halves rounded up. */
  fm: readonly [number, number];
  description: string;
}

export const RFM_SEGMENT_RULES: readonly RfmSegmentRule[] = [
  {
    segment: "Champions",
    r: [5, 5],
    fm: [4, 5],
    description: "Bought recently, buy often and spend the most.",
  },
  {
    segment: "Loyal",
    r: [3, 4],
    fm: [4, 5],
    description: "Buy often and spend well; responsive to promotions.",
  },
  {
    segment: "Potential loyalist",
    r: [4, 5],
    fm: [2, 3],
    description: "Recent customers with average frequency and spend.",
  },
  {
    segment: "New",
    r: [5, 5],
    fm: [1, 1],
    description: "Bought very recently, but only once or for little.",
  },
  {
    segment: "Promising",
    r: [4, 4],
    fm: [1, 1],
    description: "Recent shoppers who have not spent much yet.",
  },
  {
    segment: "Need attention",
    r: [3, 3],
    fm: [3, 3],
    description: "Average recency, frequency and spend.",
  },
  {
    segment: "About to sleep",
    r: [3, 3],
    fm: [1, 2],
    description: "Below-average recency and value; will be lost without a nudge.",
  },
  {
    segment: "Can't lose them",
    r: [1, 2],
    fm: [5, 5],
    description: "Used to be the best customers but have not returned for long.",
  },
  { segment: "At risk", r: [1, 2], fm: [3, 4], description: "Spent well and often, but long ago." },
  { segment: "Lost", r: [1, 1], fm: [1, 1], description: "Lowest recency, frequency and spend." },
  {
    segment: "Hibernating",
    r: [1, 2],
    fm: [1, 2],
    description: "Last purchase long ago, few orders, low spend.",
  },
];

/** FM score = round((F + M) / 2) with halves rounded up, e.g. F = 4, M = 3 → 3.5 → 4. */
export function fmScore(f: number, m: number): number {
  return Math.floor((f + m) / 2 + 0.5);
}

/** Segment of the first rule in RFM_SEGMENT_RULES whose R and FM ranges contain the scores. */
export function segmentFor(r: number, f: number, m: number): RfmSegment {
  const fm = fmScore(f, m);
  for (const rule of RFM_SEGMENT_RULES) {
    if (r >= rule.r[0] && r <= rule.r[1] && fm >= rule.fm[0] && fm <= rule.fm[1])
      return rule.segment;
  }
  throw new RangeError(`No RFM segment rule covers R=${r}, FM=${fm}`);
}

/** The rule table expanded to a 5 × 5 grid: grid[r − 1][fm − 1] = segment (for display). */
export function rfmSegmentGrid(): RfmSegment[][] {
  const grid: RfmSegment[][] = [];
  for (let r = 1; r <= 5; r++) {
    const row: RfmSegment[] = [];
    // f = m = fm reproduces exactly the FM value fm.
    for (let fm = 1; fm <= 5; fm++) row.push(segmentFor(r, fm, fm));
    grid.push(row);
  }
  return grid;
}
