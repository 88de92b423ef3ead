/**
 * Thins a scatter of many points (a k-means run's PCA picture: one dot per customer) to at
 * most `limit` for the browser, deterministically, keeping what the eye reads from the
 * picture: every cluster, and each cluster's extremes (its lowest and highest x and y), so
 * the clusters' extent and their outliers are still where they were. The rest of each
 * cluster's share, proportional to its size, is taken evenly along the points' order (the
 * caller's, e.g. by customer id), so the same run always draws the same picture.
 */

export interface ThinnablePoint {
  segment: string;
  x: number;
  y: number;
}

export interface ThinnedScatter<P> {
  /** Points before thinning. */
  total: number;
  /** The points kept, in the input's order. */
  points: P[];
  /** Whether some points were left out. */
  sampled: boolean;
}

/** The default: 600 dots draw at once and still show the clusters' shapes. */
export const SCATTER_SAMPLE_LIMIT = 600;

/** Positions of the extremes of one cluster (indices into `points`). */
function extremesOf(points: readonly ThinnablePoint[], members: readonly number[]): number[] {
  const first = members[0] as number;
  let minX = first;
  let maxX = first;
  let minY = first;
  let maxY = first;
  for (const i of members) {
    const p = points[i] as ThinnablePoint;
    if (p.x < (points[minX] as ThinnablePoint).x) minX = i;
    if (p.x > (points[maxX] as ThinnablePoint).x) maxX = i;
    if (p.y < (points[minY] as ThinnablePoint).y) minY = i;
    if (p.y > (points[maxY] as ThinnablePoint).y) maxY = i;
  }
  return [...new Set([minX, maxX, minY, maxY])];
}

/**
 * At most `limit` of `points` (more only when the clusters' extremes alone exceed it: up to
 * four a cluster). Each cluster keeps its extremes and a share of the rest proportional to
 * its size (largest remainders first), taken at even steps through its points.
 */
export function thinScatter<P extends ThinnablePoint>(
  points: readonly P[],
  limit = SCATTER_SAMPLE_LIMIT,
): ThinnedScatter<P> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be ≥ 1");
  if (points.length <= limit) return { total: points.length, points: [...points], sampled: false };
  const clusters = new Map<string, number[]>();
  points.forEach((p, i) => {
    const members = clusters.get(p.segment);
    if (members) members.push(i);
    else clusters.set(p.segment, [i]);
  });
  const keep = new Set<number>();
  for (const members of clusters.values()) for (const i of extremesOf(points, members)) keep.add(i);
  const room = Math.max(0, limit - keep.size);
  // The rest of the room, shared by cluster size (Hamilton's largest remainders).
  const rest = [...clusters.entries()].map(([segment, members]) => ({
    segment,
    members: members.filter((i) => !keep.has(i)),
  }));
  const others = rest.reduce((sum, c) => sum + c.members.length, 0);
  const quotas = rest.map((c) => {
    const exact = others === 0 ? 0 : (room * c.members.length) / others;
    return { ...c, quota: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = room - quotas.reduce((sum, c) => sum + c.quota, 0);
  for (const c of [...quotas].sort(
    (a, b) => b.remainder - a.remainder || a.segment.localeCompare(b.segment),
  )) {
    if (left <= 0) break;
    if (c.quota < c.members.length) {
      c.quota++;
      left--;
    }
  }
  for (const { members, quota } of quotas) {
    const n = Math.min(quota, members.length);
    // Evenly along the cluster: the j-th of n at the middle of its stretch.
    for (let j = 0; j < n; j++)
      keep.add(members[Math.floor(((j + 0.5) * members.length) / n)] as number);
  }
  const kept = [...keep].sort((a, b) => a - b).map((i) => points[i] as P);
  return { total: points.length, points: kept, sampled: kept.length < points.length };
}
