/**
 * The channel audience row schema. Shares may be written as percents (35, "35%") or
 * fractions (0.35) and are stored as fractions. The scale is decided per group of shares
 * that describe one split (age bands, gender, residency, interests, bounce rate): a group
 * is in percent when any of its values carries "%" or exceeds 1. Deciding per group, not
 * per row, keeps "bounce rate 45" from turning a gender split of 0.55 / 0.45 into percents.
 */

import { z } from "zod";
import { message } from "~/i18n/message-code";
import {
  type CellContext,
  durationParser,
  lenient,
  numberParser,
  parseText,
  parseUrl,
  rowIssue,
  shareCell,
  textCell,
} from "./field-parsers";
import { AGE_BAND_FIELD, type FieldOf, INTEREST_FIELD } from "./kinds";

function audienceFields(context: CellContext) {
  return {
    channel_name: textCell(),
    // The name identifies the channel; shares are checked as groups and stay strict, the
    // descriptive cells are lenient (see `lenient` in field-parsers.ts).
    channel_type: lenient(context, parseText),
    url: lenient(context, parseUrl),
    gender_female: shareCell(context),
    gender_male: shareCell(context),
    resident: shareCell(context),
    non_resident: shareCell(context),
    monthly_visits: lenient(context, numberParser(context, { min: 0, allowMagnitude: true })),
    avg_visit_duration_seconds: lenient(context, durationParser(context)),
    bounce_rate: shareCell(context),
  } satisfies Record<FieldOf<"channel_audiences">, z.ZodType>;
}

export interface ChannelAudienceRow {
  channel_name: string;
  channel_type: string | null;
  url: string | null;
  /** Share of the audience per age band, e.g. { age_18_24: 0.3 }. */
  age_bands: Record<string, number>;
  gender_female: number | null;
  gender_male: number | null;
  resident: number | null;
  non_resident: number | null;
  /** Share of the audience per interest, keyed by field name, e.g. { interest_sports: 0.2 }. */
  interests: Record<string, number>;
  monthly_visits: number | null;
  avg_visit_duration_seconds: number | null;
  bounce_rate: number | null;
}

type WrittenShare = { value: number; percent: boolean; text: string } | null;

type Fractions =
  | { ok: true; fractions: Record<string, number> }
  | { ok: false; field: string; text: string };

/** Fractions of one group of shares, or the field whose value cannot be a share. */
function toFractions(shares: Record<string, WrittenShare>): Fractions {
  const written = Object.values(shares).filter((share) => share !== null);
  const inPercent = written.some((share) => share.percent || share.value > 1);
  const fractions: Record<string, number> = {};
  for (const [field, share] of Object.entries(shares)) {
    if (share === null) continue;
    const fraction = inPercent ? share.value / 100 : share.value;
    if (fraction > 1) return { ok: false, field, text: share.text };
    fractions[field] = Math.round(fraction * 1e9) / 1e9;
  }
  return { ok: true, fractions };
}

export function channelAudienceRowSchema(context: CellContext) {
  return z
    .object({ fields: z.object(audienceFields(context)).catchall(shareCell(context)) })
    .transform(({ fields }, ctx): ChannelAudienceRow => {
      if (!fields.channel_name) {
        rowIssue(ctx, "channel_name", message("messages:ingest.row.channelNameEmpty"));
        return z.NEVER;
      }
      // Only the open-ended fields match these patterns, and catchall parsed those as shares.
      const openEnded = (pattern: RegExp) =>
        Object.fromEntries(
          Object.entries(fields).filter(([field]) => pattern.test(field)),
        ) as Record<string, WrittenShare>;
      const groups = {
        age: openEnded(AGE_BAND_FIELD),
        interest: openEnded(INTEREST_FIELD),
        gender: { gender_female: fields.gender_female, gender_male: fields.gender_male },
        residency: { resident: fields.resident, non_resident: fields.non_resident },
        bounce: { bounce_rate: fields.bounce_rate },
      };
      const fractions: Record<string, number> = {};
      for (const group of Object.values(groups)) {
        const result = toFractions(group);
        if (!result.ok) {
          rowIssue(
            ctx,
            result.field,
            message("messages:ingest.row.shareOutOfRange", { text: result.text }),
          );
          return z.NEVER;
        }
        Object.assign(fractions, result.fractions);
      }
      const pick = (pattern: RegExp) =>
        Object.fromEntries(Object.entries(fractions).filter(([field]) => pattern.test(field)));
      return {
        channel_name: fields.channel_name,
        channel_type: fields.channel_type,
        url: fields.url,
        age_bands: pick(AGE_BAND_FIELD),
        gender_female: fractions.gender_female ?? null,
        gender_male: fractions.gender_male ?? null,
        resident: fractions.resident ?? null,
        non_resident: fractions.non_resident ?? null,
        interests: pick(INTEREST_FIELD),
        monthly_visits: fields.monthly_visits,
        avg_visit_duration_seconds: fields.avg_visit_duration_seconds,
        bounce_rate: fractions.bounce_rate ?? null,
      };
    });
}
