// Bar charts snap to whole pixels, so no bar position is written in exponent notation, which
// react-spring's string interpolation misreads ("translate(168translate(, ), …)" and a
// console error per animation frame on the Sites page's traffic-source chart).

import { computeScale } from "@nivo/scales";
import { createStringInterpolator } from "@react-spring/shared";
import { describe, expect, it } from "vitest";
import { barIndexScale, barValueScale } from "~/components/charts/bar-scales";

// The demo site's traffic shares, stacked bottom to top as nivo stacks them.
const SHARES = [0.412, 0.351, 0.096, 0.083, 0.036, 0.022];
const HEIGHT = 240;

function stackedEdges(): number[] {
  const edges = [0];
  for (const share of SHARES) edges.push((edges.at(-1) ?? 0) + share);
  return edges;
}

function valueScaleOf(spec: typeof barValueScale | { type: "linear"; round: false }) {
  const edges = stackedEdges();
  const data = { all: edges, min: 0, max: Math.max(...edges) };
  return computeScale(spec, data, HEIGHT, "y") as (value: number) => number;
}

/** The frame halfway through a bar's entrance, as nivo animates it. */
function midFrame(from: number, to: number): string {
  const interpolate = createStringInterpolator({
    output: [`translate(168, ${from})`, `translate(168, ${to})`],
  });
  return interpolate(0.5) as string;
}

describe("bar scales", () => {
  it("put every stacked bar edge on a whole pixel", () => {
    const y = valueScaleOf(barValueScale);
    const positions = stackedEdges().map(y);
    for (const position of positions) {
      expect(Number.isInteger(position)).toBe(true);
      expect(String(position)).not.toMatch(/e/i);
    }
    // The shares add up to 0.9999999999999999, which rounds to the top of the chart (0 px).
    expect(positions.at(-1)).toBe(0);
    expect(positions[0]).toBe(HEIGHT);
    // 0.412 of 240 px = 98.88 px above the axis → 240 − 98.88 = 141.12 → 141.
    expect(positions[1]).toBe(141);
  });

  it("animate the top bar through well-formed transforms", () => {
    const y = valueScaleOf(barValueScale);
    const top = y(stackedEdges().at(-1) ?? 0);
    const below = y(stackedEdges().at(-2) ?? 0);
    expect(midFrame(below, top)).toMatch(/^translate\(168, [\d.]+\)$/);
  });

  it("(the cause) unrounded, the top edge is a hair off and the frames break", () => {
    const y = valueScaleOf({ type: "linear", round: false });
    const top = y(stackedEdges().at(-1) ?? 0);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(1e-9);
    expect(String(top)).toMatch(/e-/);
    expect(midFrame(5.28, top)).toContain("translate(168translate(");
  });

  it("snap the category positions too", () => {
    const labels = { all: ["a", "b", "c"], min: 0, max: 0 };
    const bandOf = (round: boolean) =>
      computeScale({ ...barIndexScale, round }, labels, 857, "x") as (value: string) => number;
    // 857 px / 3 bands = 285.67 px a step: unrounded, "b" starts at 285.666…
    expect(bandOf(false)("b")).toBeCloseTo(857 / 3, 9);
    const x = bandOf(barIndexScale.round);
    expect(labels.all.map(x)).toEqual(labels.all.map((l) => Math.round(x(l))));
  });
});
