/**
 * Words for cluster names (profiles.ts builds "High income, frequent buyers" from these).
 * A marketer reads "recent buyers" faster than "low recency_days".
 */
const LABELS: Readonly<Record<string, { highLabel: string; lowLabel: string }>> = {
  recency_days: { highLabel: "lapsed buyers", lowLabel: "recent buyers" },
  frequency: { highLabel: "frequent buyers", lowLabel: "rare buyers" },
  monetary: { highLabel: "big spenders", lowLabel: "low spenders" },
  avg_order_value: { highLabel: "big-basket buyers", lowLabel: "small-basket buyers" },
  income: { highLabel: "high income", lowLabel: "low income" },
  age: { highLabel: "older", lowLabel: "younger" },
};

/** High / low words for a feature; spend_<category> becomes "heavy / light <category> buyers". */
export function featureNameLabels(
  name: string,
  label: string,
): { highLabel?: string; lowLabel?: string } {
  const known = LABELS[name];
  if (known) return known;
  const category = /^Spend on (.+)$/.exec(label)?.[1];
  if (name.startsWith("spend_") && category) {
    return { highLabel: `heavy ${category} buyers`, lowLabel: `light ${category} buyers` };
  }
  return {};
}
