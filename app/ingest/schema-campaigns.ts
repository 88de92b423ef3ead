/**
 * Row schemas of campaigns (totals or per-day rows) and of the product catalogue. Ids,
 * names, dates and amounts reject a row they cannot be read in; the descriptive texts
 * (channel, product, category, segment) are lenient (see `lenient` in field-parsers.ts).
 */

import { z } from "zod";
import { message } from "~/i18n/message-code";
import {
  type CellContext,
  dateCell,
  lenient,
  numberCell,
  parseText,
  rowIssue,
  textCell,
} from "./field-parsers";
import type { FieldOf } from "./kinds";

function campaignFields(context: CellContext) {
  return {
    campaign_id: textCell(),
    name: textCell(),
    channel: lenient(context, parseText),
    start_date: dateCell(context, false),
    end_date: dateCell(context, false),
    date: dateCell(context, false),
    spend: numberCell(context, { min: 0 }),
    impressions: numberCell(context, { min: 0, integer: true }),
    clicks: numberCell(context, { min: 0, integer: true }),
    conversions: numberCell(context, { min: 0 }),
    revenue: numberCell(context),
    product: lenient(context, parseText),
    segment: lenient(context, parseText),
  } satisfies Record<FieldOf<"campaigns">, z.ZodType>;
}

type CampaignFields = z.output<z.ZodObject<ReturnType<typeof campaignFields>>>;
/** A campaign without an id is identified by its name. */
export type CampaignRow = Omit<CampaignFields, "campaign_id"> & { campaign_id: string };

export function campaignRowSchema(context: CellContext) {
  return z
    .object({ fields: z.object(campaignFields(context)) })
    .transform(({ fields }, ctx): CampaignRow => {
      const campaignId = fields.campaign_id ?? fields.name;
      if (!campaignId) {
        rowIssue(ctx, "campaign_id", message("messages:ingest.row.campaignIdNameEmpty"));
        return z.NEVER;
      }
      if (fields.start_date && fields.end_date && fields.end_date < fields.start_date) {
        rowIssue(
          ctx,
          "end_date",
          message("messages:ingest.row.campaignEndsBeforeStart", {
            end: fields.end_date,
            start: fields.start_date,
          }),
        );
        return z.NEVER;
      }
      return { ...fields, campaign_id: campaignId };
    });
}

function productFields(context: CellContext) {
  return {
    code: textCell(),
    name: lenient(context, parseText),
    category: lenient(context, parseText),
    price: numberCell(context, { min: 0 }),
  } satisfies Record<FieldOf<"products">, z.ZodType>;
}

type ProductFields = z.output<z.ZodObject<ReturnType<typeof productFields>>>;
export type ProductRow = Omit<ProductFields, "code"> & { code: string };

export function productRowSchema(context: CellContext) {
  return z
    .object({ fields: z.object(productFields(context)) })
    .transform(({ fields }, ctx): ProductRow => {
      if (!fields.code) {
        rowIssue(ctx, "code", message("messages:ingest.row.productCodeEmpty"));
        return z.NEVER;
      }
      return { ...fields, code: fields.code };
    });
}
