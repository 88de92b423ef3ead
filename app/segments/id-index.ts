/**
 * Maps database ids to dense positions 0..n − 1 so the analytics can use typed arrays.
 * Customer ids of one workspace are mostly a contiguous range (bulk imports), so a typed
 * array over [min, max] is the fast path; a sparse range falls back to a Map so a workspace
 * with a few high ids cannot make us allocate gigabytes.
 */
export interface IdIndex {
  /** Ids in position order (ascending). */
  readonly ids: Int32Array;
  /** Position of an id, or −1 when the id is not in the index. */
  positionOf(id: number): number;
}

const DENSE_SLACK = 4;
const DENSE_MIN_SPAN = 1 << 20;

/** Index over ascending, distinct ids. */
export function createIdIndex(ascendingIds: ArrayLike<number>): IdIndex {
  const ids = Int32Array.from(ascendingIds);
  const n = ids.length;
  if (n === 0) return { ids, positionOf: () => -1 };
  const min = ids[0] as number;
  const span = (ids[n - 1] as number) - min + 1;
  if (span <= Math.max(DENSE_SLACK * n, DENSE_MIN_SPAN)) {
    const table = new Int32Array(span).fill(-1);
    for (let i = 0; i < n; i++) table[(ids[i] as number) - min] = i;
    return {
      ids,
      positionOf: (id) => (id >= min && id - min < span ? (table[id - min] as number) : -1),
    };
  }
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) map.set(ids[i] as number, i);
  return { ids, positionOf: (id) => map.get(id) ?? -1 };
}
