import { humanLabel } from "~/components/labels";

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
