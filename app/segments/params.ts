/**
 * The parameters of a run, checked where they enter (CLI, page form, job payload) and
 * stored with the run so its result can always be traced back to them.
 */

import { z } from "zod";
import { message } from "~/i18n/message-code";

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, message("messages:forms.isoDate"));

export const RfmParamsSchema = z.object({ asOf: IsoDateSchema.optional() });

export const ClusterParamsSchema = z.object({
  features: z.array(z.string().min(1)).min(1, "choose at least one feature"),
  k: z.number().int().min(2).optional(),
  log: z.array(z.string().min(1)).optional(),
  seed: z.number().int().optional(),
  missing: z.enum(["drop", "median"]).optional(),
  asOf: IsoDateSchema.optional(),
});

/** "a, b ,c" → ["a", "b", "c"] (empty entries dropped). */
export function splitList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}
