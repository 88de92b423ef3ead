import { z } from "zod";
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import { runClustering } from "~/segments/cluster-run.server";
import { listAvailableFeatures } from "~/segments/feature-list.server";
import { ClusterParamsSchema, IsoDateSchema, RfmParamsSchema, splitList } from "~/segments/params";
import { runRfm } from "~/segments/rfm-run.server";
import type { Command } from "../command";
import { workspaceIdBySlug } from "./customer";

/** Runs in this process (not through the job queue) so a script gets the result directly. */
export const segmentRfm: Command = {
  name: "segment rfm",
  usage: "--workspace S [--as-of YYYY-MM-DD]",
  options: { workspace: { type: "string" }, "as-of": { type: "string" } },
  async run(flags) {
    const args = z
      .object({ workspace: z.string(), "as-of": IsoDateSchema.optional() })
      .parse(flags);
    const params = RfmParamsSchema.parse({ asOf: args["as-of"] });
    const {
      rules: _rules,
      grid: _grid,
      ...result
    } = await runRfm(scopeTo(getDb(), workspaceIdBySlug(args.workspace)), params);
    return result;
  },
};

export const segmentCluster: Command = {
  name: "segment cluster",
  usage:
    "--workspace S --features a,b,c [--k N] [--log a,b] [--seed N] [--missing drop|median] [--as-of YYYY-MM-DD]",
  options: {
    workspace: { type: "string" },
    features: { type: "string" },
    k: { type: "string" },
    log: { type: "string" },
    seed: { type: "string" },
    missing: { type: "string" },
    "as-of": { type: "string" },
  },
  async run(flags) {
    const args = z
      .object({
        workspace: z.string(),
        features: z.string(),
        k: z.coerce.number().optional(),
        log: z.string().optional(),
        seed: z.coerce.number().optional(),
        missing: z.string().optional(),
        "as-of": IsoDateSchema.optional(),
      })
      .parse(flags);
    const params = ClusterParamsSchema.parse({
      features: splitList(args.features),
      k: args.k,
      log: splitList(args.log),
      seed: args.seed,
      missing: args.missing,
      asOf: args["as-of"],
    });
    const { projection: _projection, ...result } = await runClustering(
      scopeTo(getDb(), workspaceIdBySlug(args.workspace)),
      params,
    );
    return result;
  },
};

export const segmentFeatures: Command = {
  name: "segment features",
  usage: "--workspace S [--as-of YYYY-MM-DD]",
  options: { workspace: { type: "string" }, "as-of": { type: "string" } },
  run(flags) {
    const args = z
      .object({ workspace: z.string(), "as-of": IsoDateSchema.optional() })
      .parse(flags);
    return listAvailableFeatures(scopeTo(getDb(), workspaceIdBySlug(args.workspace)), {
      asOf: args["as-of"],
    });
  },
};
