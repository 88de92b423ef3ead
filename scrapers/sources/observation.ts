/**
 * The zod schema every adapter's output passes before it leaves `parse`.
 *
 * Why: parsing a page that changed in a small way can produce NaN, an empty entity or a
 * period in the wrong shape, and such values would be stored as if they were data. Each
 * adapter validates its observations here (narrowed to its own entity types), so a bad
 * value fails the job as "layout changed" instead of reaching the charts.
 */
import { z } from "zod";
import { LayoutChangedError, type Observation } from "./types";

export const ENTITY_TYPES = ["channel", "site", "keyword", "query", "post", "video"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** "2026-11-21", "2026-11", "2026-W47" or an ISO instant such as "2026-11-21T09:00:00.000Z". */
const PERIOD_PATTERN =
  /^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z)?)?$|^\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3])$/;

export function observationSchema(entityTypes: readonly [EntityType, ...EntityType[]]) {
  return z
    .object({
      entityType: z.enum(entityTypes),
      entity: z.string().trim().min(1).max(500),
      metric: z.string().regex(/^[a-z][a-z0-9_]*(?:\.[A-Za-z0-9_-]+)?$/),
      period: z.string().regex(PERIOD_PATTERN),
      value: z.number().finite().nullable(),
      textValue: z.string().max(2_000).nullable().optional(),
      url: z.string().min(1).max(2_000),
    })
    .refine((o) => o.value !== null || (o.textValue ?? "") !== "", {
      message: "an observation needs a number or a text",
    });
}

/** Validates and returns the observations, or throws LayoutChangedError naming the first bad one. */
export function validateObservations(
  schema: ReturnType<typeof observationSchema>,
  observations: Observation[],
): Observation[] {
  return observations.map((observation) => {
    const result = schema.safeParse(observation);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const where = issue?.path.join(".") || "observation";
    throw new LayoutChangedError(
      `invalid ${observation.metric} for ${observation.entity || "(no entity)"}: ${where}: ${issue?.message}`,
    );
  });
}
