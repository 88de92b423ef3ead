/**
 * The command-line entry: `npm run --silent cli -- <group> <command> [--flags]`.
 * Each command prints exactly one JSON object on stdout; failures print a message on
 * stderr and exit non-zero, so scripts can rely on both. The one exception is a command
 * that returns a `RawOutput` (e.g. `export`, which prints CSV): its text is printed as is.
 */
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { englishInside, englishMessage } from "~/i18n/english";
import { commandIndex } from "./commands";

/** Text printed exactly as given (no JSON, no added newline); `note` goes to stderr. */
export interface RawOutput {
  raw: string;
  note?: string;
}

function isRawOutput(result: unknown): result is RawOutput {
  if (typeof result !== "object" || result === null) return false;
  const keys = Object.keys(result);
  return (
    typeof (result as RawOutput).raw === "string" &&
    keys.every((key) => key === "raw" || key === "note")
  );
}

export async function runCli(
  argv: string[],
): Promise<{ code: number; stdout?: string; stderr?: string; raw?: boolean }> {
  const words: string[] = [];
  while (argv[words.length] && !argv[words.length]?.startsWith("--"))
    words.push(argv[words.length] as string);
  const name = words.join(" ");
  const entry = commandIndex.find((c) => c.name === name);
  if (!entry) {
    const commands = await Promise.all(commandIndex.map((c) => c.load()));
    const list = commands.map((c) => `  ${c.name} ${c.usage}`).join("\n");
    return { code: 2, stderr: `${name ? `Unknown command "${name}". ` : ""}Commands:\n${list}` };
  }
  const command = await entry.load();
  try {
    const { values } = parseArgs({
      args: argv.slice(words.length),
      options: command.options,
      strict: true,
      allowPositionals: false,
    });
    const result = await command.run(values as Record<string, string | boolean | undefined>);
    if (isRawOutput(result)) return { code: 0, stdout: result.raw, stderr: result.note, raw: true };
    // Reasons and warnings inside results are message codes: the CLI speaks English.
    return { code: 0, stdout: JSON.stringify(englishInside(result)) };
  } catch (error) {
    return {
      code: 1,
      stderr: `${command.name}: ${describeError(error)}\nUsage: ${command.name} ${command.usage}`,
    };
  }
}

function describeError(error: unknown): string {
  if (error instanceof ZodError) {
    return error.issues
      .map((i) => `${i.path.length ? `--${i.path.join(".")}: ` : ""}${englishMessage(i.message)}`)
      .join("; ");
  }
  if (error instanceof Error) return englishMessage(error.message);
  return String(error);
}
