/**
 * A report's saved parameters in words ("From: 2025-03-01 · Broken down by: channel"), for the
 * report page and its print, in the reader's language (`t` of the page). Client-safe; names
 * and values without a catalogue entry are shown as they are.
 */
import type { TFunction } from "i18next";

/** Parameters whose values are words to translate (reports:paramValues.<name>.<value>). */
const WORDED_VALUES = new Set(["dir", "ma", "by", "granularity", "goal"]);

/** A budget plan's bound of the channel at position i on the Forecast page: min_0, max_3. */
const BOUND = /^(min|max)_(\d+)$/;

/**
 * `channels`: a forecast report's channels in page order, so a plan bound names its channel
 * ("Plan minimum, Search: 500"); without them the channel is named by its position.
 */
export function paramsInWords(
  t: TFunction,
  params: Record<string, string | string[]>,
  channels: readonly string[] = [],
): string[] {
  return Object.entries(params).map(([name, value]) => {
    const bound = BOUND.exec(name);
    if (bound && typeof value === "string") {
      const position = Number(bound[2]);
      const channel =
        channels[position] ?? t("reports:params.channelNumber", { number: position + 1 });
      const label = t(`reports:params.${bound[1]}Bound`, { channel });
      const amount = value.endsWith("x")
        ? t("reports:paramValues.multiple", { value: value.slice(0, -1) })
        : value;
      return `${label}: ${amount}`;
    }
    const label = t(`reports:params.${name}`, { defaultValue: name });
    const text = Array.isArray(value)
      ? value.join(", ")
      : WORDED_VALUES.has(name)
        ? t(`reports:paramValues.${name}.${value}`, { defaultValue: value })
        : name === "run"
          ? `#${value}`
          : value;
    return `${label}: ${text}`;
  });
}

/** The channels of a forecast report's data, in page order (what min_i / max_i refer to). */
export function planChannelsOf(kind: string | undefined, data: unknown): string[] {
  if (kind !== "forecast") return [];
  const channels = (data as { channels?: { channel?: unknown }[] } | null)?.channels;
  return Array.isArray(channels) ? channels.map((c) => String(c?.channel ?? "")) : [];
}
