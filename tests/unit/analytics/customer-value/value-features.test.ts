/**
 * The time split never leaks: rows on or after a cut-off change no feature, and the target
 * counts exactly the horizon's days after it. Features checked by hand on a small history.
 */
import { describe, expect, it } from "vitest";
import {
  buildFeatureSet,
  chooseVocabulary,
  type ValueHistory,
  valueSplits,
} from "~/analytics/customer-value/features";
import { simulateValueHistory } from "../../../helpers/value-history";

function withExtraSales(
  history: ValueHistory,
  extra: { customer: number; day: number; amount: number; order: number }[],
): ValueHistory {
  const s = history.sales;
  const cat = <T extends Int32Array | Float64Array | Uint8Array>(a: T, more: number[]): T => {
    const out = new (a.constructor as new (n: number) => T)(a.length + more.length);
    out.set(a);
    out.set(more, a.length);
    return out;
  };
  return {
    ...history,
    sales: {
      customer: cat(
        s.customer as Int32Array,
        extra.map((e) => e.customer),
      ),
      day: cat(
        s.day as Int32Array,
        extra.map((e) => e.day),
      ),
      amount: cat(
        s.amount as Float64Array,
        extra.map((e) => e.amount),
      ),
      isReturn: cat(
        s.isReturn as Uint8Array,
        extra.map(() => 0),
      ),
      category: cat(
        s.category as Int32Array,
        extra.map(() => 0),
      ),
      channel: cat(
        s.channel as Int32Array,
        extra.map(() => 1),
      ),
      order: cat(
        s.order as Int32Array,
        extra.map((e) => e.order),
      ),
      rows: s.rows + extra.length,
    },
  };
}

describe("value splits", () => {
  it("puts training's target wholly before the evaluation cut-off", () => {
    const splits = valueSplits(1000, 90);
    expect(splits.training.cutoff).toBe(821);
    expect(splits.evaluation.cutoff).toBe(911);
    expect(splits.scoring.cutoff).toBe(1001);
    // Training's target covers 821…910: the day before the evaluation cut-off at most.
    expect(splits.training.cutoff + splits.training.horizon - 1).toBe(splits.evaluation.cutoff - 1);
  });

  it("planted future purchases change no feature before the cut-off", () => {
    const history = simulateValueHistory({ customers: 300, days: 400, seed: 5 });
    const split = { cutoff: 19_000 + 250, horizon: 60 };
    const vocabulary = chooseVocabulary(history, split.cutoff);
    const before = buildFeatureSet(history, split, vocabulary);
    // Big purchases on the cut-off day and after, for customers with and without history,
    // plus a brand-new customer who only buys later.
    const planted = withExtraSales({ ...history, customers: history.customers + 1 }, [
      { customer: 0, day: split.cutoff, amount: 5000, order: 9_000_001 },
      { customer: 1, day: split.cutoff + 30, amount: 7000, order: 9_000_002 },
      { customer: 2, day: split.cutoff + 200, amount: 9000, order: 9_000_003 },
      { customer: 300, day: split.cutoff + 1, amount: 100, order: 9_000_004 },
    ]);
    const after = buildFeatureSet(planted, split, chooseVocabulary(planted, split.cutoff));
    expect([...after.customers]).toEqual([...before.customers]);
    expect(after.names).toEqual(before.names);
    for (let f = 0; f < before.columns.length; f++)
      expect([...(after.columns[f] as Float64Array)]).toEqual([
        ...(before.columns[f] as Float64Array),
      ]);
    expect(after.repeat).toEqual(before.repeat);
    expect(after.spend).toEqual(before.spend);
    expect([...after.lastPeriod]).toEqual([...before.lastPeriod]);
    // Only the targets inside the horizon moved.
    const moved = [...after.target].map((v, i) => v - (before.target[i] as number));
    const at = (c: number) => before.customers.indexOf(c);
    // Customers 0–2 have history before the cut-off, so the planted sales fall on their rows.
    for (const c of [0, 1, 2]) expect(at(c), `customer ${c}`).toBeGreaterThanOrEqual(0);
    expect(moved.filter((d) => d !== 0)).toHaveLength(2);
    expect(moved[at(0)]).toBe(5000);
    expect(moved[at(1)]).toBe(7000);
    // A purchase after the horizon is no one's target.
    expect(moved[at(2)]).toBe(0);
  });

  it("works out each feature of a small history by hand", () => {
    const history: ValueHistory = {
      customers: 1,
      categories: ["shoes", "bags"],
      channels: ["online", "store"],
      sales: {
        // Day 0: order A (two lines), day 30: order B, day 80: a return, day 100: future.
        customer: [0, 0, 0, 0, 0],
        day: [0, 0, 30, 80, 100],
        amount: [40, 60, 50, -20, 70],
        isReturn: [0, 0, 0, 1, 0],
        category: [0, 1, 0, 0, 0],
        channel: [0, 0, 1, 0, 0],
        order: [1, 1, 2, 3, 4],
        rows: 5,
      },
      responses: { customer: [0, 0], day: [10, 95], clicked: [1, 1], converted: [0, 1], rows: 2 },
    };
    const set = buildFeatureSet(
      history,
      { cutoff: 90, horizon: 45 },
      chooseVocabulary(history, 90),
    );
    const value = (name: string) => set.columns[set.names.indexOf(name)]?.[0];
    expect(value("recency_days")).toBe(60);
    expect(value("frequency_orders")).toBe(2);
    expect(value("total_spend")).toBe(130);
    expect(value("monetary_mean_order")).toBe(65);
    expect(value("tenure_days")).toBe(90);
    // Last 45 days: 45…89 holds the return only; 0…44 holds both orders.
    expect(value("spend_last_period")).toBe(-20);
    expect(value("spend_previous_period")).toBe(150);
    expect(value("spend_trend")).toBe(-170);
    expect(value("orders_last_period")).toBe(0);
    expect(value("mean_days_between_orders")).toBe(30);
    expect(value("responses_sent")).toBe(1);
    expect(value("responses_click_rate")).toBe(1);
    expect(value("responses_converted")).toBe(0);
    expect(value("category:shoes")).toBe(70);
    expect(value("category:bags")).toBe(60);
    expect(value("channel:online")).toBe(0.75);
    expect(value("channel:store")).toBe(0.25);
    expect(set.target[0]).toBe(70);
    expect(set.repeat[0]).toEqual({ x: 1, tx: 30, T: 90 });
    expect(set.spend[0]).toEqual({ x: 1, mean: 50 });
  });
});
