import { Link, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ProcessingBasis } from "#db/schema";
import { formatInteger } from "~/format";

/** What a result says about who was left out (see customers/analysable.server.ts). */
export interface ExclusionFigures {
  processing_basis?: ProcessingBasis;
  excluded_without_consent: number;
  empty_reason?: string | null;
}

/** Results stored before the legal basis existed were computed by consent. */
const byConsent = (basis: ProcessingBasis | undefined) =>
  basis === undefined || basis === "consent";

/**
 * "Excluded N customers without data-processing consent" (or "who objected"), and, when the
 * legal basis is why nothing was analysed, the reason with a link to the setting.
 */
export function BasisNote({ result }: { result: ExclusionFigures }) {
  const { workspace } = useParams();
  const { t } = useTranslation();
  const count = result.excluded_without_consent;
  return (
    <>
      {/* Left-out customers are something to know, not a success: a warning notice. */}
      <p className="notice warning" role="note" data-testid="excluded-consent">
        {byConsent(result.processing_basis)
          ? t("basis.excluded", { count })
          : t("basis.excludedObjected", { count })}
      </p>
      {result.empty_reason ? (
        <EmptyBecauseOfBasis basis={result.processing_basis} excluded={count} slug={workspace} />
      ) : null}
    </>
  );
}

/**
 * Why nothing could be analysed, worded here from the basis and the count rather than shown
 * from the stored (English) `empty_reason`, so saved results read in every language.
 */
export function EmptyBecauseOfBasis({
  basis,
  excluded,
  slug,
}: {
  basis: ProcessingBasis | undefined;
  excluded: number;
  slug?: string;
}) {
  const { t } = useTranslation();
  const kind = byConsent(basis) ? "Consent" : "Objected";
  const reason =
    excluded === 1
      ? t(`basis.empty${kind}Only`)
      : t(`basis.empty${kind}All`, { n: formatInteger(excluded) });
  return (
    <p className="form-error" role="alert" data-testid="empty-because-of-basis">
      {reason}{" "}
      {slug ? (
        <Link to={`/w/${slug}/settings#processing-basis`}>{t("basis.openSettings")}</Link>
      ) : null}
    </p>
  );
}
