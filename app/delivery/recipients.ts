/**
 * Recipients of a delivery: 1 to 20 e-mail addresses, typed one per line or separated by
 * commas, semicolons or spaces. Stored lower-cased and de-duplicated, so "Ayse@Bank.com" and
 * "ayse@bank.com" get one e-mail. A bad address is named in the message.
 */

import { z } from "zod";
import { message } from "~/i18n/message-code";

export const MAX_RECIPIENTS = 20;

const Address = z.email();

export function splitRecipients(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== "");
}

export const RecipientsSchema = z
  .union([z.string(), z.array(z.string())], { message: message("messages:delivery.enterAddress") })
  .transform((input, ctx) => {
    const parts =
      typeof input === "string" ? splitRecipients(input) : input.flatMap(splitRecipients);
    const bad = parts.filter((part) => !Address.safeParse(part).success);
    if (bad.length > 0) {
      ctx.addIssue({
        code: "custom",
        message:
          bad.length === 1
            ? message("messages:delivery.notAnAddress", { address: bad[0] ?? "" })
            : message("messages:delivery.notAddresses", {
                addresses: bad.map((b) => `"${b}"`).join(", "),
              }),
      });
      return z.NEVER;
    }
    const unique = [...new Set(parts)];
    if (unique.length === 0) {
      ctx.addIssue({ code: "custom", message: message("messages:delivery.enterAddress") });
      return z.NEVER;
    }
    if (unique.length > MAX_RECIPIENTS) {
      ctx.addIssue({
        code: "custom",
        message: message("messages:delivery.tooManyRecipients", {
          max: MAX_RECIPIENTS,
          entered: unique.length,
        }),
      });
      return z.NEVER;
    }
    return unique;
  });
