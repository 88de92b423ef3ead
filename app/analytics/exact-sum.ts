/**
 * Correctly rounded sums (Shewchuk's algorithm, as Python's math.fsum): the result is the
 * exact sum of the inputs rounded once, so it does not depend on the order of the rows.
 * Campaign totals must equal the sums of the uploaded rows exactly; a running `+=` drifts
 * by the last bits depending on the order the rows are read in.
 */
export class ExactSum {
  /** Non-overlapping partial sums, smallest magnitude first; their exact sum is the total. */
  private partials: number[] = [];

  add(value: number): void {
    let x = value;
    let kept = 0;
    for (const partial of this.partials) {
      let y = partial;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const high = x + y;
      const low = y - (high - x);
      if (low !== 0) this.partials[kept++] = low;
      x = high;
    }
    this.partials.length = kept;
    this.partials.push(x);
  }

  /** The exact sum rounded to the nearest double (ties to even), as fsum does. */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let high = p[--n] as number;
    let low = 0;
    while (n > 0) {
      const x = high;
      const y = p[--n] as number;
      high = x + y;
      low = y - (high - x);
      if (low !== 0) break;
    }
    // Correct the rounding of `high` when the remaining partials push it past a half-way point.
    if (n > 0 && ((low < 0 && (p[n - 1] as number) < 0) || (low > 0 && (p[n - 1] as number) > 0))) {
      const y = low * 2;
      const x = high + y;
      if (y === x - high) high = x;
    }
    return high;
  }
}

/** Σ values, correctly rounded. */
export function exactSum(values: Iterable<number>): number {
  const sum = new ExactSum();
  for (const value of values) sum.add(value);
  return sum.value();
}
