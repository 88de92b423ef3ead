/**
 * How the legal basis for analytics is named and how its exclusions are worded, for pages
 * and results alike (no I/O, so components can import it; the rule itself is in
 * analysable.server.ts).
 */
import type { ProcessingBasis } from "#db/schema";

export const BASIS_LABELS: Readonly<Record<ProcessingBasis, string>> = {
  consent: "Consent (analyse customers who gave data-processing consent)",
  "legitimate-interest": "Legitimate interest (analyse every customer who has not objected)",
  contract: "Performance of a contract (analyse every customer who has not objected)",
};

/** Why the left-out customers are left out; results stored before the basis say consent. */
export function exclusionWording(basis: ProcessingBasis | undefined): string {
  return basis === undefined || basis === "consent"
    ? "without data-processing consent"
    : "who objected to processing";
}
