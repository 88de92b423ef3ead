import type { ParseArgsConfig } from "node:util";

export interface Command {
  /** Words before the flags, e.g. "user create". */
  name: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(flags: Record<string, string | boolean | undefined>): Promise<unknown> | unknown;
}
