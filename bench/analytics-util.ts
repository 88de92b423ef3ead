/** Small helpers shared by the analytics benchmark's sections (bench/analytics*.ts). */
import type { SeededRandom } from "~/analytics/random";

export const PYTHON = "/usr/bin/python3";

/** Peak resident set size of this process so far, in MB. */
export const rssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

/** Rounded to 4 decimals, for the JSON figures. */
export const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

export const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** Signed with 4 decimals: "+0.0012", "-0.0100". */
export const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(4)}`;

/** Standard normal draw (Box–Muller), for the synthetic data. */
export function normal(random: SeededRandom): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}
