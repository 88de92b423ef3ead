/** The Campaigns page's and the CLI's filters, parsed with zod (GET search params or flags). */
import { z } from "zod";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Not a calendar date");

const optionalDay = z.preprocess((v) => (v === "" || v === null ? undefined : v), day.optional());

export const BREAKDOWNS = ["channel", "campaign", "product", "month"] as const;
export const GRANULARITIES = ["day", "week", "month"] as const;

export const RoiFilters = z
  .object({
    from: optionalDay,
    to: optionalDay,
    by: z.enum(BREAKDOWNS).default("channel"),
    granularity: z.enum(GRANULARITIES).default("week"),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ["to"],
    message: "The end date is before the start date",
  });

export type RoiFilters = z.output<typeof RoiFilters>;
