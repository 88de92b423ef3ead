import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * The one page for a share link that does not open, whatever the reason (expired, revoked,
 * paused, wrong or malformed). A rate limit (429) or missing password says so instead, as
 * those do not tell a guesser anything about the token.
 */
export function SharedLinkInvalid() {
  const error = useRouteError();
  const limited = isRouteErrorResponse(error) && error.status === 429;
  const { t } = useTranslation("sharing");
  return (
    <main className="centered">
      <div className="card narrow">
        <h1>{limited ? t("invalid.limitedTitle") : t("invalid.title")}</h1>
        <p>{limited ? t("invalid.limitedBody") : t("invalid.body")}</p>
      </div>
    </main>
  );
}
