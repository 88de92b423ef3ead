import { describe, expect, it } from "vitest";
import {
  type ChannelModel,
  type FittedOutcome,
  ForecastInputError,
  forecastCampaign,
} from "~/analytics/campaign-forecast";
import type { CurveParams } from "~/analytics/response-curve";
import { englishMessage } from "~/i18n/english";

const curve: CurveParams = { decay: 0.5, halfSaturation: 100, shape: 1, ceiling: 10 };
const revenueCurve: CurveParams = { ...curve, ceiling: 500 };

function outcome(params: CurveParams, draws: CurveParams[]): FittedOutcome {
  return {
    status: "ok",
    reasons: [],
    params,
    quality: { r2: 0.9, sse: 1, nrmseHoldout: 0.1, mapeHoldout: 0.12, holdoutDays: 1 },
    draws,
  };
}

/** Two days of history (0 then 100 spent), so the adstock on the last day is 100. */
function model(residuals = [0, 0], draws = 5): ChannelModel {
  return {
    channel: "Search",
    dates: ["2024-01-01", "2024-01-02"],
    spend: [0, 100],
    impressions: [0, 4000],
    clicks: [0, 200],
    residuals: { conversions: residuals, revenue: residuals.map((r) => r * 50) },
    conversions: outcome(curve, Array(draws).fill(curve)),
    revenue: outcome(revenueCurve, Array(draws).fill(revenueCurve)),
  };
}

describe("forecastCampaign", () => {
  it("matches the hand computation on a fixed curve, carry-over included", () => {
    // 300 over 3 days = 100 a day; adstock 150, 175, 187.5 → 10·a/(a+100).
    const expected = 10 * (150 / 250 + 175 / 275 + 187.5 / 287.5);
    const result = forecastCampaign(model(), { budget: 300, from: "2024-01-03", to: "2024-01-05" });
    expect(result.days).toBe(3);
    expect(result.conversions.value).toBeCloseTo(expected, 10);
    expect(result.conversions.low).toBeCloseTo(expected, 10);
    expect(result.conversions.high).toBeCloseTo(expected, 10);
    expect(result.revenue.value).toBeCloseTo(expected * 50, 8);
    expect(result.impressions.value).toBeCloseTo(12000, 8);
    expect(result.clicks.value).toBeCloseTo(600, 8);
    expect(result.cpa.value).toBeCloseTo(300 / expected, 10);
    expect(result.roi.value).toBeCloseTo((expected * 50 - 300) / 300, 10);
    // Carry-over alone: adstock 50, 25, 12.5.
    expect(result.carry_over.conversions).toBeCloseTo(
      10 * (50 / 150 + 25 / 125 + 12.5 / 112.5),
      10,
    );
    // The next 1,000: 1,300 over 3 days.
    const more = [100 * (1300 / 300) + 50];
    more.push(1300 / 3 + 0.5 * (more[0] as number));
    more.push(1300 / 3 + 0.5 * (more[1] as number));
    const extra = more.reduce((s, a) => s + (10 * a) / (a + 100), 0) - expected;
    expect(result.marginal.conversions).toBeCloseTo(extra, 10);
    expect(result.marginal_roi).toBeCloseTo((extra * 50 - 1000) / 1000, 10);
    expect(result.fit).toEqual({
      r2: 0.9,
      nrmse_holdout: 0.1,
      mape_holdout: 0.12,
      status: "ok",
      reasons: [],
    });
  });

  it("lets the carry-over decay over a gap before the start", () => {
    const result = forecastCampaign(model(), { budget: 100, from: "2024-01-04", to: "2024-01-04" });
    // One dark day: 100 → 50, then 100 + 25 = 125.
    expect(result.conversions.value).toBeCloseTo((10 * 125) / 225, 10);
  });

  it("widens the interval around the value when residuals vary", () => {
    const residuals = [-2, 0, 1, 3, -1, 2, -3, 0, 1, -1, 2, -2, 1, 0];
    const result = forecastCampaign(model(residuals, 40), {
      budget: 300,
      from: "2024-01-03",
      to: "2024-01-05",
    });
    const { value, low, high } = result.conversions;
    expect(low).toBeLessThan(value as number);
    expect(high).toBeGreaterThan(value as number);
  });

  it.each([
    [
      { budget: -5, from: "2024-01-03", to: "2024-01-05" },
      "The budget must be a number of 0 or more (got -5).",
    ],
    [
      { budget: 100, from: "2024-01-09", to: "2024-01-05" },
      "The end date 2024-01-05 is before the start date 2024-01-09.",
    ],
    [
      { budget: 100, from: "2024-01-02", to: "2024-01-05" },
      "The plan starts on 2024-01-02, inside the campaign history (which ends on 2024-01-02); start after 2024-01-02.",
    ],
  ])("rejects bad input %o", (input, message) => {
    const error = thrown(() => forecastCampaign(model(), input));
    expect(error).toBeInstanceOf(ForecastInputError);
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
