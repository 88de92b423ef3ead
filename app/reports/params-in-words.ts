/**
 * A report's saved parameters in words ("From 2025-03-01 · Broken down by channel"), for the
 * report page and its print. Client-safe; unknown names are shown as they are.
 */
const LABELS: Record<string, string> = {
  from: "From",
  to: "To",
  by: "Broken down by",
  granularity: "Over time by",
  sort: "Sorted by",
  dir: "Order",
  campaign: "Days of campaign",
  channel: "Forecast channel",
  budget: "Forecast budget",
  planBudget: "Plan budget",
  planFrom: "Plan from",
  planTo: "Plan to",
  goal: "Plan goal",
  target: "Plan target",
  lock: "Locked channels",
  kw: "Keywords",
  ma: "Moving average",
  site: "Sites",
  compare: "Compared channels",
  run: "Segment run",
  support: "Minimum support (%)",
  confidence: "Minimum confidence",
  lift: "Minimum lift",
  segment: "Segment",
};

const VALUES: Record<string, Record<string, string>> = {
  dir: { asc: "ascending", desc: "descending" },
  ma: { "1": "on", "0": "off" },
};

export function paramsInWords(params: Record<string, string | string[]>): string[] {
  return Object.entries(params).map(([name, value]) => {
    const label = LABELS[name] ?? name;
    const text = Array.isArray(value)
      ? value.join(", ")
      : (VALUES[name]?.[value] ?? (name === "run" ? `#${value}` : value));
    return `${label}: ${text}`;
  });
}
