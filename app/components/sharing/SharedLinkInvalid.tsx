import { isRouteErrorResponse, useRouteError } from "@remix-run/react";

/**
 * The one page for a share link that does not open, whatever the reason (expired, revoked,
 * paused, wrong or malformed). A rate limit (429) or missing password says so instead, as
 * those do not tell a guesser anything about the token.
 */
export function SharedLinkInvalid() {
  const error = useRouteError();
  const limited = isRouteErrorResponse(error) && error.status === 429;
  return (
    <main className="centered">
      <div className="card narrow">
        <h1>{limited ? "Too many requests" : "This link is not valid"}</h1>
        <p>
          {limited ? String(error.data) : "Ask the person who shared it with you for a new link."}
        </p>
      </div>
    </main>
  );
}
