import { z } from "zod";
import { exclusionWording, processingBasisOf } from "~/customers/analysable.server";
import { csvText, exportCsv } from "~/customers/export.server";
import { getDb, scopeTo } from "~/db.server";
import { datasetKinds } from "~/ingest/kinds";
import type { Command } from "../command";
import type { RawOutput } from "../run";
import { workspaceIdBySlug } from "./customer";

/** The one command that prints CSV instead of JSON, so it can be redirected to a file. */
export const exportCommand: Command = {
  name: "export",
  usage: `--workspace S --kind ${datasetKinds.join("|")} [--include-unconsented]`,
  options: {
    workspace: { type: "string" },
    kind: { type: "string" },
    "include-unconsented": { type: "boolean" },
  },
  run(flags): RawOutput {
    const args = z
      .object({
        workspace: z.string(),
        kind: z.enum(datasetKinds),
        "include-unconsented": z.boolean().optional(),
      })
      .parse(flags);
    const scope = scopeTo(getDb(), workspaceIdBySlug(args.workspace));
    const file = exportCsv(scope, args.kind, {
      includeUnconsented: args["include-unconsented"],
    });
    const wording = exclusionWording(processingBasisOf(scope));
    const note = file.excluded
      ? `${file.excluded} ${args.kind === "customers" ? "customers" : "rows"} ${wording} left out (--include-unconsented to include them)`
      : undefined;
    return note ? { raw: csvText(file), note } : { raw: csvText(file) };
  },
};
