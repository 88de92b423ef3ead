import { describe, expect, it } from "vitest";
import { runCli } from "../../../cli/run";
import { KNOWN_CHANNELS, writeKnownCampaigns } from "../../helpers/campaign-curves";
import { countOf, setUpIngest } from "../ingest/support";

const { db, dir, workspaceId, importOk } = setUpIngest("curves");
await importOk("campaigns", writeKnownCampaigns(dir));

async function cli(...args: string[]) {
  const result = await runCli(args);
  if (result.code !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout ?? "");
}

describe("campaigns fit", () => {
  it("recovers the generating curves and stores one run", async () => {
    const out = await cli("campaigns", "fit", "--workspace", "curves");
    expect(out.channels.map((c: { channel: string }) => c.channel)).toEqual(["Search", "Video"]);
    for (const known of KNOWN_CHANNELS) {
      const fit = out.channels.find(
        (c: { channel: string }) => c.channel === known.name,
      ).conversions;
      expect(fit.status).toBe("ok");
      expect(fit.range).toEqual({
        from: "2025-01-06",
        to: "2026-01-04",
        days: 364,
        weeksWithSpend: 52,
      });
      expect(Math.abs(fit.params.decay - known.conversions.decay)).toBeLessThan(0.05);
      expect(
        Math.abs(fit.params.halfSaturation / known.conversions.halfSaturation - 1),
      ).toBeLessThan(0.1);
      expect(Math.abs(fit.params.shape - known.conversions.shape)).toBeLessThan(0.3);
      expect(fit.quality.r2).toBeGreaterThan(0.9);
      expect(fit.draws).toBeUndefined();
    }
    expect(countOf(db, "analysis_runs", workspaceId)).toBe(1);
    // Forecasts reuse the stored fit while the data is unchanged.
    await cli(
      "forecast",
      "--workspace",
      "curves",
      "--channel",
      "Search",
      "--budget",
      "10000",
      "--from",
      "2026-01-05",
      "--to",
      "2026-01-11",
    );
    expect(countOf(db, "analysis_runs", workspaceId)).toBe(1);
  });
});

describe("forecast", () => {
  it("prints value and 80 % interval for every figure", async () => {
    const out = await cli(
      "forecast",
      "--workspace",
      "curves",
      "--channel",
      "Video",
      "--budget",
      "70000",
      "--from",
      "2026-01-05",
      "--to",
      "2026-01-11",
    );
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining([
        "channel",
        "budget",
        "days",
        "impressions",
        "clicks",
        "conversions",
        "revenue",
        "cpa",
        "roi",
        "marginal_roi",
        "fit",
      ]),
    );
    expect(out).toMatchObject({ channel: "Video", budget: 70000, days: 7 });
    for (const figure of ["impressions", "clicks", "conversions", "revenue", "cpa", "roi"]) {
      const { value, low, high } = out[figure];
      expect(low).toBeLessThanOrEqual(value);
      expect(high).toBeGreaterThanOrEqual(value);
    }
    expect(out.impressions.value).toBeCloseTo(70000 * 20, -2);
    expect(out.revenue.value).toBeCloseTo(out.conversions.value * 300, 0);
    expect(Object.keys(out.fit)).toEqual(
      expect.arrayContaining(["r2", "nrmse_holdout", "mape_holdout"]),
    );
  });

  it.each([
    [
      ["--channel", "Radio", "--budget", "100", "--from", "2026-01-05", "--to", "2026-01-11"],
      'Unknown channel "Radio"; the campaigns name: Search, Video.',
    ],
    [
      ["--channel", "Video", "--budget=-100", "--from", "2026-01-05", "--to", "2026-01-11"],
      "The budget must be a number of 0 or more (got -100).",
    ],
    [
      ["--channel", "Video", "--budget", "100", "--from", "2026-01-11", "--to", "2026-01-05"],
      "The end date 2026-01-05 is before the start date 2026-01-11.",
    ],
  ])("explains bad input %#", async (args, message) => {
    const result = await runCli(["forecast", "--workspace", "curves", ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr?.split("\n")[0]).toBe(`forecast: ${message}`);
  });
});

describe("plan", () => {
  const base = [
    "plan",
    "--workspace",
    "curves",
    "--budget",
    "100000",
    "--from",
    "2026-01-05",
    "--to",
    "2026-01-11",
  ];

  it("splits the budget, holding bounds and locks, and says which binds", async () => {
    const out = await cli(...base, "--max", "Video=20000");
    const video = out.channels.find((c: { name: string }) => c.name === "Video");
    const search = out.channels.find((c: { name: string }) => c.name === "Search");
    expect(video.planned).toBeCloseTo(20000, 6);
    expect(video.binding).toBe("maximum");
    expect(search.planned).toBeCloseTo(80000, 6);
    expect(out.planned.spend).toBeCloseTo(100000, 6);
    expect(out.planned.conversions.low).toBeLessThanOrEqual(out.planned.conversions.value);
    const locked = await cli(...base, "--lock", "Video", "--goal", "revenue");
    const lockedVideo = locked.channels.find((c: { name: string }) => c.name === "Video");
    expect(lockedVideo.binding).toBe("locked");
    expect(lockedVideo.planned).toBeCloseTo(lockedVideo.current, 6);
  });

  it("says why nothing moved when every channel is locked", async () => {
    const current = await cli(...base);
    const budget = current.channels.reduce((s: number, c: { current: number }) => s + c.current, 0);
    const out = await cli(
      "plan",
      "--workspace",
      "curves",
      "--budget",
      String(budget + 1),
      "--from",
      "2026-01-05",
      "--to",
      "2026-01-11",
      "--lock",
      "Search",
      "--lock",
      "Video",
    );
    expect(out.unchanged).toBe(true);
    expect(out.unchanged_reason).toBe("Every channel is locked at its current spend.");
  });

  it("rejects an unknown channel in a bound", async () => {
    const result = await runCli([...base, "--min", "Radio=5"]);
    expect(result.stderr?.split("\n")[0]).toBe(
      'plan: Unknown channel "Radio"; channels with curves: Search, Video.',
    );
  });
});
