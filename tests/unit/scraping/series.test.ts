// Series arithmetic against values worked out by hand (the arithmetic is in the comments).
import { describe, expect, it } from "vitest";
import { growthOverPeriod, latestPerPeriod, movingAverage, periodDate } from "~/scraping/series";

describe("movingAverage", () => {
  it("averages the trailing window and leaves the first window−1 points empty", () => {
    // window 3: (10+20+30)/3 = 20, (20+30+40)/3 = 30, (30+40+80)/3 = 50
    expect(movingAverage([10, 20, 30, 40, 80], 3)).toEqual([null, null, 20, 30, 50]);
  });

  it("window 1 is the series itself; a window longer than the series gives nothing", () => {
    expect(movingAverage([5, 7], 1)).toEqual([5, 7]);
    expect(movingAverage([5, 7], 4)).toEqual([null, null]);
  });

  it("rejects a window below 1", () => {
    expect(() => movingAverage([1], 0)).toThrow(RangeError);
  });
});

describe("growthOverPeriod", () => {
  it("compares the mean of the last 4 points with the mean of the first 4", () => {
    // first 4: (40+44+36+40)/4 = 40; last 4: (50+46+54+50)/4 = 50; (50−40)/40 = 0.25
    const values = [40, 44, 36, 40, 70, 10, 50, 46, 54, 50];
    expect(growthOverPeriod(values)).toBeCloseTo(0.25, 12);
  });

  it("uses half the series when it is short", () => {
    // 5 points → edge 2: first (20+30)/2 = 25, last (10+5)/2 = 7.5; (7.5−25)/25 = −0.7
    expect(growthOverPeriod([20, 30, 99, 10, 5])).toBeCloseTo(-0.7, 12);
    // 2 points → edge 1: (15−10)/10 = 0.5
    expect(growthOverPeriod([10, 15])).toBe(0.5);
  });

  it("cannot state growth from nothing or from zero", () => {
    expect(growthOverPeriod([7])).toBeUndefined();
    expect(growthOverPeriod([0, 0, 5, 6])).toBeUndefined();
  });
});

describe("periodDate", () => {
  it("places days, months, ISO weeks and instants on a date axis", () => {
    expect(periodDate("2026-11-21")).toBe("2026-11-21");
    expect(periodDate("2026-11")).toBe("2026-11-01");
    // 4 Jan 2026 is a Sunday, so ISO week 1 starts Monday 29 Dec 2025; week 47 is 46
    // weeks later: 29 Dec 2025 + 322 days = 16 Nov 2026.
    expect(periodDate("2026-W01")).toBe("2025-12-29");
    expect(periodDate("2026-W47")).toBe("2026-11-16");
    expect(periodDate("2026-11-21T06:30:00.000Z")).toBe("2026-11-21");
  });
});

describe("latestPerPeriod", () => {
  it("keeps the latest fetch of each period, in period order", () => {
    const rows = [
      { period: "2026-02", fetchedAt: new Date(2), value: 1 },
      { period: "2026-01", fetchedAt: new Date(5), value: 2 },
      { period: "2026-02", fetchedAt: new Date(9), value: 3 },
      { period: "2026-01", fetchedAt: new Date(1), value: 4 },
    ];
    expect(latestPerPeriod(rows).map((r) => r.value)).toEqual([2, 3]);
  });
});
