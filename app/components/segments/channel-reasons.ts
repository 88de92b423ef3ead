/**
 * Channel-match reasons and diagnosis messages (analytics/channel-match.ts) in the reader's
 * language: each is a message code whose values are stored names and plain numbers
 * ("channelmatch:reasons.overIndex|{"bucket":"age_18_24","bucketIndex":2.1,…}"); here the
 * names become labels (humanLabel), shares percentages, costs money in the reporting
 * currency (campaign files have no currency column, so spend is taken to be in the
 * workspace's sales currency; null = a plain number), then the catalogue puts them into
 * words. A reason stored before reasons became codes is shown as written.
 */
import type { TFunction } from "i18next";
import { humanLabel } from "~/components/labels";
import { formatInteger, formatMoney } from "~/format";
import { decodeMessage, looksLikeMessage } from "~/i18n/message-code";
import { formatDecimal, formatPercent } from "./numbers";

type Formatter = (value: string | number, currency: string | null) => string;

const num = (value: string | number) => Number(value);
const labels = (value: string | number) =>
  String(value)
    .split(",")
    .filter((name) => name !== "")
    .map(humanLabel)
    .join(", ");

const FORMATS: Readonly<Record<string, Formatter>> = {
  dimension: (v) => humanLabel(String(v)),
  dimensions: (v) => labels(v),
  bucket: (v) => humanLabel(String(v)),
  bucketIndex: (v) => formatDecimal(num(v), 2),
  index: (v) => formatInteger(Math.round(num(v) * 100)),
  share: (v) => formatPercent(num(v), 0),
  rate: (v) => formatPercent(num(v), 1),
  channelRate: (v) => formatPercent(num(v), 1),
  bounce: (v) => formatPercent(num(v), 0),
  difference: (v) => formatPercent(num(v), 1),
  roi: (v) => formatPercent(num(v), 0),
  cpa: (v, currency) => formatMoney(num(v), currency),
  visits: (v) => formatInteger(num(v)),
  sends: (v) => formatInteger(num(v)),
  seconds: (v) => formatInteger(num(v)),
  value: (v) => formatDecimal(num(v), 2),
  similarity: (v) => formatDecimal(num(v), 2),
  average: (v) => formatDecimal(num(v), 2),
};

/** One channel-match message in the language of `t`, its values formatted for the reader. */
export function channelMatchText(t: TFunction, text: string, currency: string | null): string {
  if (!looksLikeMessage(text)) return text;
  const { key, values } = decodeMessage(text);
  const formatted: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const format = FORMATS[name];
    formatted[name] = format ? format(value, currency) : String(value);
  }
  return t(key, { ...formatted, defaultValue: text });
}
