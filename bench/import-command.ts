/**
 * The `import` command on its own, without the rest of the CLI's commands loaded: with
 * `bench:ingest --command-only`, it separates the import's own memory from the CLI's.
 * Arguments as for `cli import` (--workspace, --kind, --file).
 */
import { parseArgs } from "node:util";
import { importCommand } from "../cli/commands/import";

const { values } = parseArgs({ options: importCommand.options, strict: true });
// parseArgs types values loosely; run() checks them with zod as the CLI does.
const flags = values as Record<string, string | boolean | undefined>;
console.log(JSON.stringify(await importCommand.run(flags)));
