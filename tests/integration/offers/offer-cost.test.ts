import { describe, expect, it } from "vitest";
import { runCli } from "../../../cli/run";
import { writeOfferHistory } from "../../helpers/offer-history";
import { setUpIngest } from "../ingest/support";

const { dir, importOk } = setUpIngest("bank");
const files = writeOfferHistory(dir);
await importOk("customers", files.customers);
await importOk("transactions", files.transactions);

async function cli(...args: string[]) {
  const result = await runCli(["offer-cost", "--workspace", "bank", ...args]);
  if (result.code !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout ?? "");
}

async function refusal(...args: string[]) {
  const result = await runCli(["offer-cost", "--workspace", "bank", ...args]);
  expect(result.code).toBe(1);
  return result.stderr?.split("\n")[0];
}

const BASE = ["--cost-per-month", "15", "--months", "1", "--uplift", "0.2"];

describe("offer-cost", () => {
  it("prices an offer on the seeded bank's new customers", async () => {
    const out = await cli("--product", "credit card", ...BASE, "--new-per-month", "100");
    expect(out.product).toMatchObject({
      matched: "category",
      label: "Credit Card",
      categories: ["Credit Card"],
    });
    // 20 new customers (A1–A10, B1–B10); E1, E2 joined before the sales, N1 has no consent.
    expect(out.history).toMatchObject({
      sales_from: "2025-01-01",
      sales_to: "2025-06-30",
      new_customers: 20,
      joined_before_history: 2,
      longest_follow_up_days: 180,
      followed_to_window_end: 10,
    });
    expect(out.exclusion).toMatchObject({
      processing_basis: "consent",
      excluded_without_consent: 1,
    });
    // Kaplan–Meier: day 5, 20 at risk, B1–B3 buy: S = 17/20 = 0.85. B4–B10 are censored
    // after day 10, so on day 20 only A1–A10 are at risk and A1–A4 buy: S = 0.85 · 6/10 =
    // 0.51; F(30) = 0.49 (counting the censored as non-buyers would say 7/20 = 0.35).
    const curve = out.curve as { day: number; activated: number; at_risk: number }[];
    expect(curve[4]).toEqual({ day: 4, activated: 0, at_risk: 20 });
    expect(curve[5]?.activated).toBeCloseTo(0.15, 12);
    expect(curve[11]?.at_risk).toBe(10);
    expect(curve[20]?.activated).toBeCloseTo(0.49, 12);
    // Window 0..30 (1 month × 30 days); the curve runs on to day 60 for context.
    expect(out.window).toEqual({ from_day: 0, to_day: 30, unit: "days since joining" });
    expect(curve).toHaveLength(61);
    // 100 new clients a month: 49 activate anyway, 49 · 0.2 = 9.8 more; all 100 get one
    // month at 15: 1,500; 1,500 / 9.8 = 153.06 per additional activation.
    expect(out.figures.baseline_rate.value).toBeCloseTo(0.49, 12);
    expect(out.figures.baseline_activations).toEqual({
      value: expect.closeTo(49, 9),
      unit: "clients per month of new clients",
    });
    expect(out.figures.additional_activations.value).toBeCloseTo(9.8, 9);
    expect(out.figures.offer_cost).toEqual({
      value: expect.closeTo(1500, 9),
      unit: "TRY per month of new clients",
    });
    expect(out.figures.cost_per_additional_activation).toEqual({
      value: expect.closeTo(1500 / 9.8, 9),
      unit: "TRY per additional activated client",
    });
    expect(out.assumptions.paid_for).toBe("every-new-client");
    expect(out.inputs.new_per_month).toMatchObject({ value: 100, source: "given" });
  });

  it("takes new clients per month from the history and a product by name or code", async () => {
    const byName = await cli("--product", "classic card fee", ...BASE);
    expect(byName.product).toMatchObject({ matched: "name", label: "Classic Card Fee" });
    // 20 new customers over 181 days = 181/30 months: 600/181 = 3.315 a month.
    expect(byName.inputs.new_per_month).toMatchObject({
      value: expect.closeTo(600 / 181, 9),
      source: "history",
    });
    const byCode = await cli("--product", "card-1", ...BASE, "--paid-for", "activated-clients");
    expect(byCode.product.matched).toBe("code");
    expect(byCode.figures.baseline_rate.value).toBeCloseTo(0.49, 12);
    // Paid for the 0.49 · 1.2 = 0.588 of each month's clients who activate with the offer.
    expect(byCode.figures.paid_clients.value).toBeCloseTo((600 / 181) * 0.588, 9);
  });

  it("uses the window asked for", async () => {
    // Day 6 to day 30: F(30) − F(5) = 0.49 − 0.15 = 0.34.
    const out = await cli("--product", "CARD-1", ...BASE, "--from-day", "6", "--to-day", "30");
    expect(out.figures.activated_before_window.value).toBeCloseTo(0.15, 12);
    expect(out.figures.baseline_rate.value).toBeCloseTo(0.34, 12);
  });

  it.each([
    [
      ["--product", "Clasic Card", ...BASE],
      'No product code, product name or category is "Clasic Card". Did you mean: Classic Card Fee (product)?',
    ],
    [
      ["--product", "card", ...BASE],
      'No product code, product name or category is "card". Did you mean: Classic Card Fee (product), Credit Card (category), CARD-1 (code)?',
    ],
    [
      ["--product", "CARD-1", "--cost-per-month", "0", "--months", "1", "--uplift", "0.2"],
      "--cost-per-month: The cost per client per month must be above 0",
    ],
    [
      ["--product", "CARD-1", "--cost-per-month=-5", "--months", "1", "--uplift", "0.2"],
      "--cost-per-month: The cost per client per month must be above 0",
    ],
    [
      ["--product", "CARD-1", "--cost-per-month", "5", "--months", "25", "--uplift", "0.2"],
      "--months: The offer lasts 1 to 24 months",
    ],
    [
      ["--product", "CARD-1", "--cost-per-month", "5", "--months", "1", "--uplift", "12"],
      "--uplift: The uplift can be at most 10 (+1,000 %)",
    ],
    [
      ["--product", "CARD-1", ...BASE, "--from-day", "20", "--to-day", "10"],
      "--to-day: The window ends before it starts: its last day is before its first",
    ],
    [
      ["--product", "CARD-1", ...BASE, "--to-day", "181"],
      "Too little history: new customers are followed for at most 180 days after joining (sales from 2025-01-01 to 2025-06-30), and the window needs 181 days. Shorten the window or upload a longer history.",
    ],
    [
      ["--product", "CARD-1", "--cost-per-month", "5", "--months", "5", "--uplift", "0.2"],
      "Too little history: only 9 of 20 new customers joined 150 days or more before the sales end (2025-06-30), and at least 10 are needed to read the rate at day 150. Shorten the window or upload a longer history.",
    ],
    [
      ["--product", "CARD-1", "--cost-per-month", "5", "--months", "1", "--uplift", "1.5"],
      "An uplift of 150.0 % would make 122.5 % of new clients activate in the window, but only 100.0 % have not activated before it opens; the uplift can be at most 104.1 %.",
    ],
  ])("explains bad input %#", async (args, message) => {
    expect(await refusal(...args)).toBe(`offer-cost: ${message}`);
  });
});
