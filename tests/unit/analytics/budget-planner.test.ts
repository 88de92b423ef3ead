import { describe, expect, it } from "vitest";
import { allocateBudget, PlanInputError, type PlannerChannel } from "~/analytics/budget-planner";
import { hill } from "~/analytics/response-curve";
import { englishMessage } from "~/i18n/english";

const concave = (ceiling: number, k: number) => (x: number) => (ceiling * x) / (x + k);
const sShaped = (ceiling: number, k: number, s: number) => (x: number) => ceiling * hill(x, k, s);

describe("allocateBudget", () => {
  it("reaches the closed-form optimum of two concave channels (equal marginal returns)", () => {
    // f = βx/(x+K): f' = βK/(x+K)²; equal f' ⇒ (xᵢ+Kᵢ) = √(βᵢKᵢ)·t with Σxᵢ = B.
    const [b1, k1, b2, k2, budget] = [100, 2000, 60, 500, 10000];
    const r1 = Math.sqrt(b1 * k1);
    const r2 = Math.sqrt(b2 * k2);
    const t = (budget + k1 + k2) / (r1 + r2);
    const x1 = r1 * t - k1;
    const plan = allocateBudget(
      [
        { name: "A", current: 5000, response: concave(b1, k1) },
        { name: "B", current: 5000, response: concave(b2, k2) },
      ],
      budget,
      { steps: 1000 },
    );
    const [a, b] = plan.channels;
    expect(Math.abs((a?.planned as number) - x1)).toBeLessThanOrEqual(plan.step);
    expect((a?.planned as number) + (b?.planned as number)).toBeCloseTo(budget, 6);
    expect(a?.binding).toBe("interior");
    expect(b?.binding).toBe("interior");
  });

  it("matches brute force on three S-shaped channels", () => {
    const responses = [sShaped(100, 3000, 3), sShaped(80, 2000, 2.5), sShaped(150, 6000, 4)];
    const steps = 60;
    const budget = 9000;
    const step = budget / steps;
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i <= steps; i++)
      for (let j = 0; i + j <= steps; j++) {
        const k = steps - i - j;
        const total =
          (responses[0] as (x: number) => number)(i * step) +
          (responses[1] as (x: number) => number)(j * step) +
          (responses[2] as (x: number) => number)(k * step);
        best = Math.max(best, total);
      }
    const channels = responses.map((response, i) => ({ name: `C${i}`, current: 3000, response }));
    const plan = allocateBudget(channels, budget, { steps });
    const total = plan.channels.reduce(
      (s, c, i) => s + (responses[i] as (x: number) => number)(c.planned),
      0,
    );
    expect(total).toBeCloseTo(best, 9);
    // An equal split (where a local search from "current" would start) is worse.
    const equal = responses.reduce((s, f) => s + f(3000), 0);
    expect(total).toBeGreaterThan(equal);
  });

  it("keeps bounds and locks and names the binding one", () => {
    const channels: PlannerChannel[] = [
      { name: "Rich", current: 1000, response: concave(1000, 500), max: 4000 },
      { name: "Poor", current: 3000, response: concave(10, 5000), min: 2500 },
      { name: "Fixed", current: 1500, response: concave(500, 100), locked: true },
      { name: "Mid", current: 1000, response: concave(100, 3000) },
    ];
    const plan = allocateBudget(channels, 10000, { steps: 850 });
    const byName = Object.fromEntries(plan.channels.map((c) => [c.name, c]));
    expect(byName.Fixed?.planned).toBe(1500);
    expect(byName.Fixed?.binding).toBe("locked");
    expect(byName.Rich?.planned).toBeCloseTo(4000, 6);
    expect(byName.Rich?.binding).toBe("maximum");
    expect(byName.Poor?.planned).toBeCloseTo(2500, 6);
    expect(byName.Poor?.binding).toBe("minimum");
    expect(byName.Mid?.planned).toBeCloseTo(2000, 6);
    expect(byName.Mid?.binding).toBe("interior");
    expect(plan.spent).toBeCloseTo(10000, 6);
  });

  it.each([
    [
      [{ name: "A", current: 0, response: concave(1, 1) }],
      -1,
      "The budget must be a number of 0 or more (got -1).",
    ],
    [
      [{ name: "A", current: 600, response: concave(1, 1), locked: true }],
      500,
      "The locked channels (A) already spend 600, more than the budget 500.",
    ],
    [
      [
        { name: "A", current: 0, response: concave(1, 1), min: 400 },
        { name: "B", current: 0, response: concave(1, 1), min: 400 },
      ],
      500,
      "The minimums add up to 800, more than the 500 left to split.",
    ],
    [[], 500, "No channel has a fitted curve to plan with."],
  ])("rejects impossible input %#", (channels, budget, message) => {
    const error = thrown(() => allocateBudget(channels as PlannerChannel[], budget));
    expect(error).toBeInstanceOf(PlanInputError);
    expect(englishMessage(error.message)).toBe(message);
  });
});

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
