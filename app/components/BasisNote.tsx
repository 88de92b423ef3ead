import { Link, useParams } from "@remix-run/react";
import type { ProcessingBasis } from "#db/schema";
import { exclusionWording } from "~/customers/processing-basis";
import { formatInteger } from "~/format";

/** What a result says about who was left out (see customers/analysable.server.ts). */
export interface ExclusionFigures {
  processing_basis?: ProcessingBasis;
  excluded_without_consent: number;
  empty_reason?: string | null;
}

/**
 * "Excluded N customers without data-processing consent" (or "who objected"), and, when the
 * legal basis is why nothing was analysed, the reason with a link to the setting.
 */
export function BasisNote({
  result,
  noun = "customers",
}: {
  result: ExclusionFigures;
  noun?: string;
}) {
  const { workspace } = useParams();
  return (
    <>
      <p className="notice" data-testid="excluded-consent">
        Excluded {formatInteger(result.excluded_without_consent)} {noun}{" "}
        {exclusionWording(result.processing_basis)}.
      </p>
      {result.empty_reason ? (
        <EmptyBecauseOfBasis reason={result.empty_reason} slug={workspace} />
      ) : null}
    </>
  );
}

export function EmptyBecauseOfBasis({ reason, slug }: { reason: string; slug?: string }) {
  return (
    <p className="form-error" role="alert" data-testid="empty-because-of-basis">
      {reason}{" "}
      {slug ? (
        <Link to={`/w/${slug}/settings#processing-basis`}>
          Open Settings → Legal basis for analytics
        </Link>
      ) : null}
    </p>
  );
}
