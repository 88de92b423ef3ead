import { z } from "zod";
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import {
  createValueModel,
  DEFAULT_VALUE_HORIZON,
  trainAndStoreValues,
} from "~/customers/value-models.server";
import type { Command } from "../command";
import { workspaceIdBySlug } from "./customer";

/** Trains in this process (the same work the value-train job does) and prints the metrics. */
export const valueTrain: Command = {
  name: "value train",
  usage: "--workspace S [--horizon 90]   (days of revenue to predict, 7–365)",
  options: { workspace: { type: "string" }, horizon: { type: "string" } },
  run(flags) {
    const args = z
      .object({
        workspace: z.string(),
        horizon: z.coerce.number().int().min(7).max(365).default(DEFAULT_VALUE_HORIZON),
      })
      .parse(flags);
    const scope = scopeTo(getDb(), workspaceIdBySlug(args.workspace));
    const model = createValueModel(scope, args.horizon, null);
    return { model_id: model.id, ...trainAndStoreValues(scope, model.id) };
  },
};
