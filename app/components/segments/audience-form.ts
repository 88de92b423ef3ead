/**
 * The audience builder's choices, checked the same way for the preview (GET) and for the
 * CSV export (POST), so the file always holds exactly the audience the page showed.
 */
import { z } from "zod";
import type { AudienceRequest } from "~/segments/audience.server";

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const AudienceChoiceSchema = z.object({
  segment: z.string().min(1, "Choose a segment"),
  channel: z.enum(["sms", "email"], "Choose SMS or e-mail"),
  category: z.preprocess(blankToUndefined, z.string().optional()),
  cap: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int("The weekly cap is a whole number")
      .min(1, "The weekly cap is at least 1")
      .max(100, "The weekly cap is at most 100")
      .optional(),
  ),
  capScope: z.preprocess(blankToUndefined, z.enum(["all-channels", "this-channel"]).optional()),
});

export const AudienceExportSchema = AudienceChoiceSchema.extend({
  record: z.preprocess((value) => value === "on" || value === "1", z.boolean()),
  audienceName: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
});

export type AudienceChoice = z.output<typeof AudienceChoiceSchema>;

/** The builder's request for a choice: the preview and the export ask the very same thing. */
export function audienceRequestOf(
  runId: number,
  choice: AudienceChoice,
  send: { record: boolean; audienceName?: string } = { record: false },
): AudienceRequest {
  return {
    runId,
    segment: choice.segment,
    channel: choice.channel,
    category: choice.category,
    weeklyCap: choice.cap,
    capScope: choice.capScope,
    ...send,
  };
}

/** URL search parameters as FormData, so a GET form goes through the same parseForm. */
export function searchParamsForm(params: URLSearchParams): FormData {
  const form = new FormData();
  for (const [key, value] of params) form.append(key, value);
  return form;
}
