import { parseArgs } from "node:util";

/** Options of `npx tsx scripts/demo-data/index.ts [--out data/demo] [--seed 42] [--scale 1]`. */
export interface CliOptions {
  outDir: string;
  seed: number;
  scale: number;
}

function finiteNumber(text: string, flag: string, check: (value: number) => boolean): number {
  const value = Number(text);
  if (!Number.isFinite(value) || !check(value)) throw new Error(`invalid ${flag}: ${text}`);
  return value;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      out: { type: "string", default: "data/demo" },
      seed: { type: "string", default: "42" },
      scale: { type: "string", default: "1" },
    },
    strict: true,
  });
  return {
    outDir: values.out,
    seed: finiteNumber(values.seed, "--seed", Number.isSafeInteger),
    scale: finiteNumber(values.scale, "--scale", (value) => value > 0 && value <= 20),
  };
}
