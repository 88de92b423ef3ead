/** The stored PCA scatter keeps every cluster and its extremes, at most 600 dots, always the same. */
import { describe, expect, it } from "vitest";
import { thinScatter } from "~/analytics/scatter-thinning";

/** 20,000 points in three clusters of very different sizes, with one far outlier each. */
function cloud() {
  const points: { id: number; segment: string; x: number; y: number }[] = [];
  let seed = 7;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const sizes = { big: 18_000, middle: 1_990, tiny: 10 } as const;
  let id = 0;
  for (const [segment, n] of Object.entries(sizes))
    for (let i = 0; i < n; i++) points.push({ id: id++, segment, x: random(), y: random() });
  // Each cluster's outliers, in the middle of its run of points.
  points[9_000] = { ...(points[9_000] as (typeof points)[0]), x: 50 };
  points[19_000] = { ...(points[19_000] as (typeof points)[0]), y: -40 };
  points[19_995] = { ...(points[19_995] as (typeof points)[0]), x: -30 };
  return points;
}

describe("thinScatter", () => {
  it("keeps at most 600 points, every cluster, and each cluster's extremes", () => {
    const points = cloud();
    const thinned = thinScatter(points);
    expect(thinned.total).toBe(20_000);
    expect(thinned.sampled).toBe(true);
    expect(thinned.points.length).toBeLessThanOrEqual(600);
    expect(thinned.points.length).toBeGreaterThan(590);
    const segments = new Set(thinned.points.map((p) => p.segment));
    expect(segments).toEqual(new Set(["big", "middle", "tiny"]));
    const kept = new Set(thinned.points.map((p) => p.id));
    for (const id of [9_000, 19_000, 19_995]) expect(kept.has(id)).toBe(true);
    for (const segment of segments) {
      const all = points.filter((p) => p.segment === segment);
      const shown = thinned.points.filter((p) => p.segment === segment);
      for (const axis of ["x", "y"] as const) {
        expect(Math.min(...shown.map((p) => p[axis]))).toBe(Math.min(...all.map((p) => p[axis])));
        expect(Math.max(...shown.map((p) => p[axis]))).toBe(Math.max(...all.map((p) => p[axis])));
      }
    }
    // Shares follow the clusters' sizes: the big one has about 90 % of the dots.
    const big = thinned.points.filter((p) => p.segment === "big").length;
    expect(big / thinned.points.length).toBeGreaterThan(0.85);
    // In the input's order, each point once.
    const ids = thinned.points.map((p) => p.id);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
  });

  it("draws the same sample every time", () => {
    const a = thinScatter(cloud()).points.map((p) => p.id);
    const b = thinScatter(cloud()).points.map((p) => p.id);
    expect(b).toEqual(a);
  });

  it("keeps everything when there are few enough points", () => {
    const points = cloud().slice(0, 500);
    expect(thinScatter(points)).toEqual({ total: 500, points, sampled: false });
  });

  it("still shows every cluster under a tight limit", () => {
    const points = cloud();
    const thinned = thinScatter(points, 20);
    expect(thinned.points.length).toBeLessThanOrEqual(20);
    expect(new Set(thinned.points.map((p) => p.segment)).size).toBe(3);
  });
});
