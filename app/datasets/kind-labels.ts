import type { DatasetKind } from "~/ingest/kinds";

/** What each dataset kind is, in a marketer's words (shown in the upload form). */
export const kindLabels: Record<DatasetKind, { label: string; hint: string }> = {
  customers: {
    label: "Customers",
    hint: "One row per customer: id, name, e-mail, phone, birth date, city, income, consents. Extra columns are kept.",
  },
  transactions: {
    label: "Transactions",
    hint: "Purchases and returns: id, customer id, date-time, product, quantity, price or amount, channel.",
  },
  campaigns: {
    label: "Campaigns",
    hint: "Campaign results: id, name, channel, dates, spend, impressions, clicks, conversions, revenue (optionally per day).",
  },
  products: { label: "Products", hint: "The catalogue: code, name, category, price." },
  channel_audiences: {
    label: "Channel audiences",
    hint: "Per channel: audience shares by age, gender, residency and interests, and traffic metrics.",
  },
  responses: {
    label: "Responses",
    hint: "One row per message or offer sent: customer id, campaign, channel, sent at, offer or product, delivered, opened, clicked, converted, revenue.",
  },
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
