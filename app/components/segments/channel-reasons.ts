import { humanLabel } from "~/components/labels";
import { formatMoney } from "~/format";

const BEST_OR_WEAKEST = /^(Best|Weakest) match on (.+?)(?= \(similarity )/;
const NOT_COMPARED = /^(Not compared \(data on one side only\): )(.+)$/;

/**
 * A channel-match reason (analytics/channel-match.ts) with its dimension names labelled:
 * "Best match on age_band (similarity 0.91)" → "Best match on Age band (similarity 0.91)".
 * Only the reasons that name dimensions change; the others are already written for people.
 */
export function readableReason(reason: string): string {
  return reason
    .replace(BEST_OR_WEAKEST, (_, kind: string, dimension: string) => {
      return `${kind} match on ${humanLabel(dimension)}`;
    })
    .replace(NOT_COMPARED, (_, lead: string, names: string) => {
      return lead + names.split(", ").map(humanLabel).join(", ");
    });
}

const COST_PER_CONVERSION = /(cost per conversion )(-?\d+(?:\.\d+)?)/;

/**
 * An effectiveness reason with its cost per conversion shown as money: "cost per conversion
 * 2.50" → "cost per conversion ₺2.50". Campaign files have no currency column, so campaign
 * spend is taken to be in the workspace's reporting currency (that of its sales); with none
 * (null) the amount is a plain number. Other reasons are returned unchanged.
 */
export function withCurrency(reason: string, currency: string | null): string {
  return reason.replace(
    COST_PER_CONVERSION,
    (_, lead: string, amount: string) => lead + formatMoney(Number(amount), currency),
  );
}
