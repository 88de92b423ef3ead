import { describe, expect, it } from "vitest";
import { adapters, getAdapter, isAdapterId } from "#scrapers/sources/index";
import { observationSchema, validateObservations } from "#scrapers/sources/observation";
import { LayoutChangedError } from "#scrapers/sources/types";

describe("adapter registry", () => {
  it("lists each adapter under its own id", () => {
    expect(Object.keys(adapters)).toEqual(["telegram", "video", "site-stats", "trends", "custom"]);
    for (const [id, adapter] of Object.entries(adapters)) expect(adapter.id).toBe(id);
    expect(getAdapter("trends")).toBe(adapters.trends);
    expect(getAdapter("toString")).toBeUndefined();
    expect(isAdapterId("constructor")).toBe(false);
  });

  it("says which sources need the browser", () => {
    const browser = Object.values(adapters)
      .filter((a) => a.needsBrowser)
      .map((a) => a.id);
    expect(browser).toEqual(["video", "trends"]);
  });
});

describe("observation validation", () => {
  const schema = observationSchema(["channel"]);
  const good = {
    entityType: "channel",
    entity: "x",
    metric: "subscribers",
    period: "2026-11-21",
    value: 1,
    url: "u",
  };

  it("passes good observations through", () => {
    expect(validateObservations(schema, [good])).toEqual([good]);
  });

  it.each([
    [{ ...good, value: Number.NaN }, "value"],
    [{ ...good, entity: " " }, "entity"],
    [{ ...good, period: "21.11.2026" }, "period"],
    [{ ...good, entityType: "site" }, "entityType"],
    [{ ...good, value: null }, "needs a number or a text"],
  ])("turns a bad value into 'layout changed' (%#)", (observation, where) => {
    const validate = () => validateObservations(schema, [observation]);
    expect(validate).toThrow(LayoutChangedError);
    expect(validate).toThrow(where);
  });
});
