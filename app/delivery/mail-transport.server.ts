/**
 * Sending over SMTP with nodemailer, configured by SMTP_URL / MAIL_FROM (app/env.server.ts).
 * Without SMTP_URL nothing is sent: the page says so and a run records it.
 */
import nodemailer from "nodemailer";
import { env } from "~/env.server";
import type { DeliveryMail } from "./delivery-mail";

export interface MailSettings {
  smtpUrl: string | undefined;
  from: string;
  publicUrl: string;
}

export function mailSettings(): MailSettings {
  const config = env();
  return { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, publicUrl: config.PUBLIC_URL };
}

export const SMTP_NOT_CONFIGURED = "SMTP not configured: set SMTP_URL to send e-mail";

export interface SendResult {
  accepted: string[];
  rejected: string[];
}

export type SendMail = (
  smtpUrl: string,
  message: DeliveryMail & { from: string; to: string[] },
) => Promise<SendResult>;

const addressOf = (a: string | { address: string }) => (typeof a === "string" ? a : a.address);

export const sendOverSmtp: SendMail = async (smtpUrl, message) => {
  const transport = nodemailer.createTransport(smtpUrl);
  try {
    const info = await transport.sendMail(message);
    return {
      accepted: (info.accepted ?? []).map(addressOf),
      rejected: (info.rejected ?? []).map(addressOf),
    };
  } finally {
    transport.close();
  }
};

/** An SMTP 5xx reply: the server refused for good (bad address, policy); retrying cannot help. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
