/** Stored run views are found by name: every view's name reads back as the same view. */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_THRESHOLDS,
  DEFAULT_VIEWS,
  parseRunViewName,
  type RunViewKey,
  runViewName,
} from "~/segments/run-views.server";

describe("run view names", () => {
  it("name each default view, and read back as the same view", () => {
    expect(DEFAULT_VIEWS.map(runViewName)).toEqual([
      "overview",
      "sizes",
      "channels",
      "products:support=1,confidence=0.2,lift=1",
      "product-channels:category",
      "product-channels:product",
    ]);
    for (const key of DEFAULT_VIEWS) expect(parseRunViewName(runViewName(key))).toEqual(key);
  });

  it("keep thresholds as the form sent them, small and fractional ones included", () => {
    const key: RunViewKey = {
      view: "products",
      thresholds: { support: 0.01, confidence: 0.95, lift: 1.5 },
    };
    expect(runViewName(key)).toBe("products:support=0.01,confidence=0.95,lift=1.5");
    expect(parseRunViewName(runViewName(key))).toEqual(key);
    const tiny: RunViewKey = {
      view: "products",
      thresholds: { ...DEFAULT_THRESHOLDS, support: 1e-7 },
    };
    expect(parseRunViewName(runViewName(tiny))).toEqual(tiny);
  });

  it("are not guessed: an unknown name is no view", () => {
    expect(parseRunViewName("members")).toBeNull();
    expect(parseRunViewName("product-channels:brand")).toBeNull();
    expect(parseRunViewName("products:support=1")).toBeNull();
  });
});
