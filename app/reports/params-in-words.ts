/**
 * A report's saved parameters in words ("From: 2025-03-01 · Broken down by: channel"), for the
 * report page and its print, in the reader's language (`t` of the page). Client-safe; names
 * and values without a catalogue entry are shown as they are.
 */
import type { TFunction } from "i18next";

/** Parameters whose values are words to translate (reports:paramValues.<name>.<value>). */
const WORDED_VALUES = new Set(["dir", "ma"]);

export function paramsInWords(t: TFunction, params: Record<string, string | string[]>): string[] {
  return Object.entries(params).map(([name, value]) => {
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
