import { describe, expect, it } from "vitest";
import { encodeKeys, toUtcDay } from "~/analytics/columns";
import { computeRfm, quintileScores } from "~/analytics/rfm";
import {
  RFM_SEGMENT_RULES,
  RFM_SEGMENTS,
  rfmSegmentGrid,
  segmentFor,
} from "~/analytics/rfm-segments";

// Hand-worked example. Rows: customer, order, date, net amount, return flag.
const rows: [string, string, string, number, boolean][] = [
  ["A", "o1", "2024-03-01", 30, false], // two line items of one order
  ["A", "o1", "2024-03-01", 20, false],
  ["A", "o2", "2024-03-10", 100, false],
  ["B", "o3", "2024-01-15", 40, false],
  ["C", "o4", "2024-03-09", 60, false],
  ["C", "o5", "2024-02-01", 70, false],
  ["C", "o6", "2024-02-20", 80, false],
  ["C", "r1", "2024-03-05", -30, true], // a return: lowers monetary, not a purchase
  ["D", "o7", "2023-12-01", 500, false],
  ["D", "o8", "2024-01-02", 300, false],
  ["D", "o9", "2024-02-02", 200, false],
  ["D", "o10", "2024-02-25", 100, false],
  ["E", "r2", "2024-03-11", 20, true], // E only returned something: not scored
  ["F", "o11", "2024-03-11", 10, false],
];

function columns() {
  const customers = encodeKeys(rows.map((r) => r[0]));
  const orders = encodeKeys(rows.map((r) => r[1]));
  return {
    tx: {
      customerIndex: customers.codes,
      orderIndex: orders.codes,
      day: Float64Array.from(rows.map((r) => toUtcDay(r[2]))),
      netAmount: Float64Array.from(rows.map((r) => r[3])),
      isReturn: Uint8Array.from(rows.map((r) => (r[4] ? 1 : 0))),
    },
    ids: customers.keys,
  };
}

describe("computeRfm on a hand-worked example", () => {
  const { tx, ids } = columns();
  const result = computeRfm(tx, ids);
  const byId = new Map(result.customers.map((c) => [c.customerId, c]));

  it("uses the day after the last transaction (E's return on 2024-03-11) as reference", () => {
    expect(result.referenceDate).toBe("2024-03-12");
    expect(result.unscoredCustomers).toBe(1); // E
    expect(byId.has("E")).toBe(false);
  });

  it("computes recency, frequency and monetary", () => {
    // Recency from 2024-03-12 (2024 is a leap year): A 03-10 → 2, B 01-15 → 16 + 29 + 12 = 57,
    // C 03-09 → 3, D 02-25 → 16, F 03-11 → 1.
    // Frequency: A has orders o1 (two lines) and o2 → 2; C has 3 orders, its return is not one.
    // Monetary: A 30+20+100 = 150; C 60+70+80−30 = 180; D 500+300+200+100 = 1100.
    const expected = {
      A: [2, 2, 150],
      B: [57, 1, 40],
      C: [3, 3, 180],
      D: [16, 4, 1100],
      F: [1, 1, 10],
    };
    for (const [id, [recency, frequency, monetary]] of Object.entries(expected)) {
      const c = byId.get(id);
      expect([c?.recencyDays, c?.frequency, c?.monetary]).toEqual([recency, frequency, monetary]);
    }
  });

  it("scores by quintile and names segments from the rule table", () => {
    // R (fewer days = higher): F 1 → 5, A 2 → 4, C 3 → 3, D 16 → 2, B 57 → 1.
    // F: B and F tie at 1 → mid-rank p = (0 + 2/2)/5 = 0.2 → score 2; A 2 → p 0.5 → 3;
    //    C 3 → 0.7 → 4; D 4 → 0.9 → 5.   M: F 10 → 1, B 40 → 2, A 150 → 3, C 180 → 4, D → 5.
    // FM = round((F+M)/2): A 3, B 2, C 4, D 5, F (2+1)/2 = 1.5 → 2.
    // Segments: A R4 FM3 Potential loyalist; B R1 FM2 Hibernating; C R3 FM4 Loyal;
    //           D R2 FM5 Can't lose them; F R5 FM2 Potential loyalist.
    const expected = {
      A: [4, 3, 3, "Potential loyalist"],
      B: [1, 2, 2, "Hibernating"],
      C: [3, 4, 4, "Loyal"],
      D: [2, 5, 5, "Can't lose them"],
      F: [5, 2, 1, "Potential loyalist"],
    };
    for (const [id, scores] of Object.entries(expected)) {
      const c = byId.get(id);
      expect([c?.r, c?.f, c?.m, c?.segment]).toEqual(scores);
    }
  });

  it("summarises segments", () => {
    const potential = result.segments.find((s) => s.segment === "Potential loyalist");
    // A and F: 2 of 5 customers, revenue 150 + 10 of 1480 in total.
    expect(potential?.count).toBe(2);
    expect(potential?.share).toBeCloseTo(0.4, 12);
    expect(potential?.revenue).toBe(160);
    expect(potential?.revenueShare).toBeCloseTo(160 / 1480, 12);
    expect([potential?.meanR, potential?.meanF, potential?.meanM]).toEqual([4.5, 2.5, 2]);
    expect(result.segments.map((s) => s.segment)).toEqual([...RFM_SEGMENTS]);
    expect(result.segments.find((s) => s.segment === "Lost")?.count).toBe(0);
  });

  it("ignores rows on or after an explicit reference date", () => {
    const early = computeRfm(tx, ids, { referenceDay: toUtcDay("2024-03-01") });
    // Rows dated 03-01 or later: A×3, C o4 and its return, E, F → 7 rows left out.
    expect(early.rowsAfterReference).toBe(7);
    expect(early.customers.map((c) => c.customerId).sort()).toEqual(["B", "C", "D"]);
    const c = early.customers.find((x) => x.customerId === "C");
    expect([c?.recencyDays, c?.frequency, c?.monetary]).toEqual([10, 2, 150]); // 02-20 → 03-01
  });
});

describe("computeRfm with lines with and without an order", () => {
  // orderIndex −1 = the file gave the line no order id: it counts as one order by itself.
  // G: order 0 (lines 12 + 8) and order 1 (line 30), two loose lines 5 and 15 → 4 orders,
  // monetary 70, average order value 17.5. H: order 2 holds a purchase of 40 and a return
  // of 10 → 1 order, monetary 30. The order code 0 shared by G's interleaved lines counts once.
  const lines: [number, number, number, boolean][] = [
    [0, 0, 12, false],
    [0, -1, 5, false],
    [0, 0, 8, false],
    [0, 1, 30, false],
    [0, -1, 15, false],
    [1, 2, 40, false],
    [1, 2, -10, true],
  ];
  const result = computeRfm(
    {
      customerIndex: Int32Array.from(lines, (l) => l[0]),
      orderIndex: Int32Array.from(lines, (l) => l[1]),
      day: Int32Array.from(lines, () => 100),
      netAmount: Float64Array.from(lines, (l) => l[2]),
      isReturn: Uint8Array.from(lines, (l) => (l[3] ? 1 : 0)),
    },
    ["G", "H"],
  );

  it("counts orders plus loose lines, and divides net spend by them", () => {
    expect(
      result.customers.map((c) => [c.customerId, c.frequency, c.monetary, c.avgOrderValue]),
    ).toEqual([
      ["G", 4, 70, 17.5],
      ["H", 1, 30, 30],
    ]);
    const orders = result.segments.reduce((sum, s) => sum + s.orders, 0);
    expect(orders).toBe(5);
    for (const s of result.segments)
      expect(s.avgOrderValue).toBe(s.orders === 0 ? 0 : s.revenue / s.orders);
  });
});

describe("quintileScores", () => {
  it("gives two values per score for ten distinct values", () => {
    expect(Array.from(quintileScores([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]))).toEqual([
      5, 5, 4, 4, 3, 3, 2, 2, 1, 1,
    ]);
  });

  it("gives equal values equal scores", () => {
    // 1 ×6: p = (0 + 3)/10 = 0.3 → 2; 2 ×2: (6 + 1)/10 = 0.7 → 4; 3: 8.5/10 → 5; 4: 9.5/10 → 5.
    expect(Array.from(quintileScores([1, 1, 1, 1, 1, 1, 2, 2, 3, 4]))).toEqual([
      2, 2, 2, 2, 2, 2, 4, 4, 5, 5,
    ]);
    expect(Array.from(quintileScores([7, 7, 7, 7]))).toEqual([3, 3, 3, 3]);
  });

  it("scores small values highest when lower is better", () => {
    expect(Array.from(quintileScores([1, 2, 3, 4, 5], false))).toEqual([5, 4, 3, 2, 1]);
  });
});

describe("RFM segment rule table", () => {
  it("covers every R × FM cell exactly as the documented grid", () => {
    expect(rfmSegmentGrid()).toEqual([
      ["Lost", "Hibernating", "At risk", "At risk", "Can't lose them"],
      ["Hibernating", "Hibernating", "At risk", "At risk", "Can't lose them"],
      ["About to sleep", "About to sleep", "Need attention", "Loyal", "Loyal"],
      ["Promising", "Potential loyalist", "Potential loyalist", "Loyal", "Loyal"],
      ["New", "Potential loyalist", "Potential loyalist", "Champions", "Champions"],
    ]);
    expect(RFM_SEGMENT_RULES.map((r) => r.segment).sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it("averages F and M with halves rounded up", () => {
    expect(segmentFor(5, 4, 3)).toBe("Champions"); // (4+3)/2 = 3.5 → 4
    expect(segmentFor(5, 3, 2)).toBe("Potential loyalist"); // 2.5 → 3
  });
});

describe("computeRfm at scale", () => {
  // Speed is measured by `npm run bench:analytics`, not here; this checks nothing is lost.
  it("accounts for every row of a large columnar input", () => {
    const rowsCount = 200_000;
    const customersCount = 40_000;
    const customerIndex = new Int32Array(rowsCount);
    const day = new Float64Array(rowsCount);
    const netAmount = new Float64Array(rowsCount);
    for (let i = 0; i < rowsCount; i++) {
      customerIndex[i] = (i * 7919) % customersCount;
      day[i] = 19_000 + ((i * 31) % 730);
      netAmount[i] = 5 + ((i * 13) % 200);
    }
    const ids = Array.from({ length: customersCount }, (_, i) => `c${i}`);
    const result = computeRfm({ customerIndex, day, netAmount }, ids);
    expect(result.customers).toHaveLength(customersCount);
    expect(result.customers.reduce((n, c) => n + c.frequency, 0)).toBe(rowsCount);
  });
});
