/**
 * The response row schema: one message or offer sent to a customer and what came of it.
 * A send log often has no message id; the row is then keyed by who got what, where and
 * when, so uploading the same log again updates its rows instead of adding them twice.
 */

import { createHash } from "node:crypto";
import { z } from "zod";
import { message } from "~/i18n/message-code";
import {
  booleanCell,
  type CellContext,
  cell,
  dateCell,
  lenient,
  numberCell,
  parseText,
  rowIssue,
  textCell,
} from "./field-parsers";
import type { FieldOf } from "./kinds";
import { canonicalResponseChannel } from "./response-channels";

function responseFields(context: CellContext) {
  return {
    response_id: textCell(),
    customer_external_id: textCell(),
    campaign_id: textCell(),
    channel: cell((text) => {
      const parsed = parseText(text, "");
      return parsed.ok ? { ok: true, value: canonicalResponseChannel(parsed.value) } : parsed;
    }),
    sent_at: dateCell(context, true),
    offer: lenient(context, parseText),
    product_code: textCell(),
    category: lenient(context, parseText),
    delivered: booleanCell(),
    opened: booleanCell(),
    clicked: booleanCell(),
    converted: booleanCell(),
    revenue: numberCell(context, { min: 0 }),
  } satisfies Record<FieldOf<"responses">, z.ZodType>;
}

type ResponseFields = z.output<z.ZodObject<ReturnType<typeof responseFields>>>;

export type ResponseRow = Omit<
  ResponseFields,
  "response_id" | "customer_external_id" | "channel" | "sent_at"
> & {
  /** The file's message id, or `row:<hash>` of customer, campaign, channel, time and offer. */
  response_id: string;
  customer_external_id: string;
  channel: string;
  sent_at: string;
};

/** The key of a send without a message id: the same send in a later upload gets the same key. */
export function sendKey(fields: {
  customer_external_id: string;
  campaign_id: string | null;
  channel: string;
  sent_at: string;
  offer: string | null;
  product_code: string | null;
  category: string | null;
}): string {
  const canonical = JSON.stringify([
    fields.customer_external_id,
    fields.campaign_id,
    fields.channel,
    fields.sent_at,
    fields.offer,
    fields.product_code,
    fields.category,
  ]);
  return `row:${createHash("sha256").update(canonical).digest("hex").slice(0, 32)}`;
}

export function responseRowSchema(context: CellContext) {
  return z
    .object({ fields: z.object(responseFields(context)) })
    .transform(({ fields }, ctx): ResponseRow => {
      const { customer_external_id, channel, sent_at } = fields;
      if (!customer_external_id) {
        rowIssue(ctx, "customer_external_id", message("messages:ingest.row.customerIdEmpty"));
        return z.NEVER;
      }
      if (!channel) {
        rowIssue(ctx, "channel", message("messages:ingest.row.channelEmpty"));
        return z.NEVER;
      }
      if (!sent_at) {
        rowIssue(ctx, "sent_at", message("messages:ingest.row.sentAtEmpty"));
        return z.NEVER;
      }
      // A sale reported on a send that did not convert contradicts itself: which is wrong
      // is unknown, so the row is refused rather than one of the two silently trusted.
      if (fields.converted === false && (fields.revenue ?? 0) > 0) {
        rowIssue(
          ctx,
          "revenue",
          message("messages:ingest.row.revenueNotConverted", { revenue: fields.revenue ?? 0 }),
        );
        return z.NEVER;
      }
      const keyed = { ...fields, customer_external_id, channel, sent_at };
      return { ...keyed, response_id: fields.response_id ?? sendKey(keyed) };
    });
}
