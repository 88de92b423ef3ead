import { parseCliArgs } from "./cli-args";
import { generateDemoData } from "./generate";

/**
 * Demo data for a made-up Turkish retail bank, "Anadolu Bank":
 *   npx tsx scripts/demo-data/index.ts [--out data/demo] [--seed 42] [--scale 1]
 * Prints a JSON summary (files, rows, bytes, seconds) to stdout.
 */
try {
  const summary = await generateDemoData(parseCliArgs(process.argv.slice(2)));
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
