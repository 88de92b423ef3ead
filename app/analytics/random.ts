/**
 * Seeded randomness so every analysis can be re-run with identical results.
 * xoroshiro128+ from pure-rand; the generator object is advanced in place.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export interface SeededRandom {
  /** Uniform draw in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number;
}

/** A seeded uniform generator; equal seeds give equal sequences. */
export function createRandom(seed: number): SeededRandom {
  const generator = xoroshiro128plus(seed | 0);
  const next = () => uniformFloat64(generator);
  return {
    next,
    nextInt: (bound) => Math.min(bound - 1, Math.floor(next() * bound)),
  };
}

/**
 * `size` distinct indices from 0..population−1 drawn uniformly without replacement
 * (partial Fisher–Yates shuffle), returned in ascending order.
 * When size ≥ population every index is returned.
 */
export function sampleIndices(population: number, size: number, random: SeededRandom): Int32Array {
  const all = new Int32Array(population);
  for (let i = 0; i < population; i++) all[i] = i;
  if (size >= population) return all;
  for (let i = 0; i < size; i++) {
    const j = i + random.nextInt(population - i);
    const swap = all[i] as number;
    all[i] = all[j] as number;
    all[j] = swap;
  }
  return all.slice(0, size).sort();
}
