/**
 * A shared report, opened by anyone with the link: no account, no navigation into the app.
 * The loader builds everything from the saved report (app/sharing/shared-report.server.ts);
 * every link that does not open gets the same "This link is not valid" page with status 404.
 * X-Robots-Tag and Referrer-Policy for every /s/ response are set in security-headers.server.
 */
import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirectDocument,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReportBody } from "~/components/reports/ReportBody";
import { useReportKindLabel } from "~/components/reports/report-kind-label";
import { SharedLinkInvalid } from "~/components/sharing/SharedLinkInvalid";
import { formatDateTime } from "~/format";
import { useMessage } from "~/i18n/message";
import { metaT } from "~/i18n/meta-t";
import { clientAddress } from "~/rate-limit.server";
import {
  loadSharedReport,
  shareCacheControl,
  submitSharePassword,
} from "~/sharing/shared-report.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [
    {
      title:
        data && data.state === "report"
          ? t("common:titles.shared", { title: data.title })
          : t("common:titles.sharedReport"),
    },
    { name: "robots", content: "noindex, nofollow" },
    { name: "referrer", content: "no-referrer" },
  ];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await loadSharedReport(request, params.token, clientAddress(context));
  return data(page, {
    headers: { "Cache-Control": shareCacheControl(page.passwordProtected) },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const password = String(form.get("password") ?? "");
  const outcome = await submitSharePassword(
    request,
    params.token,
    password,
    clientAddress(context),
  );
  if (outcome.ok)
    throw redirectDocument(outcome.location, {
      status: 303,
      headers: outcome.setCookie ? { "Set-Cookie": outcome.setCookie } : {},
    });
  return data(
    { error: outcome.error },
    { status: outcome.status, headers: { "Cache-Control": "no-store" } },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders, errorHeaders }) => ({
  "Cache-Control":
    errorHeaders?.get("Cache-Control") ??
    actionHeaders.get("Cache-Control") ??
    loaderHeaders.get("Cache-Control") ??
    "no-store",
});

function PasswordForm() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation("sharing");
  const translate = useMessage();
  return (
    <main className="centered">
      <div className="card narrow">
        <h1>{t("page.title")}</h1>
        <p>{t("page.passwordIntro")}</p>
        {/*
          Submitted by fetch (a document POST would carry `Origin: null` under the page's
          no-referrer policy, which the same-origin guard refuses); the action's redirect is
          a document one, so the report loads with the cookie (see SharedReport).
        */}
        <Form method="post">
          <label>
            {t("page.password")}
            <input
              type="password"
              name="password"
              autoComplete="off"
              required
              aria-invalid={result?.error ? true : undefined}
              aria-describedby={result?.error ? "password-error" : undefined}
            />
            {result?.error ? (
              <span className="field-error" id="password-error" role="alert">
                {translate(result.error)}
              </span>
            ) : null}
          </label>
          <button type="submit">{t("page.open")}</button>
        </Form>
      </div>
    </main>
  );
}

export default function SharedReport() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation("sharing");
  const kindLabel = useReportKindLabel();
  if (page.state === "password") return <PasswordForm />;
  const range = page.dateRange;
  // The page loads as documents only (the date form reloads the document; the password
  // redirect is a document redirect) and never fetches `/s/<token>.data`: the password
  // cookie's path is `/s/<token>`, which a browser does not send for `/s/<token>.data`.
  return (
    <main className="shared-report">
      <header>
        <p className="muted small">{t("page.header", { kind: kindLabel(page.kind) })}</p>
        <h1>{page.title}</h1>
        {page.note ? <p className="report-note">{page.note}</p> : null}
        <p className="muted small">
          {page.mode === "snapshot"
            ? t("page.snapshot", { date: formatDateTime(page.takenAt, undefined, page.timeZone) })
            : t("page.live", { date: formatDateTime(page.takenAt, undefined, page.timeZone) })}{" "}
          {t("page.timeZone", { zone: page.timeZone })}
        </p>
      </header>
      {range ? (
        <Form method="get" reloadDocument className="row card" aria-label={t("page.dates")}>
          <label>
            {t("page.from")}
            <input
              type="date"
              name="from"
              defaultValue={range.from ?? ""}
              min={range.savedFrom ?? undefined}
              max={range.savedTo ?? undefined}
            />
          </label>
          <label>
            {t("page.to")}
            <input
              type="date"
              name="to"
              defaultValue={range.to ?? ""}
              min={range.savedFrom ?? undefined}
              max={range.savedTo ?? undefined}
            />
          </label>
          <button type="submit">{t("page.showDates")}</button>
          <span className="muted small">
            {t("page.datesWithin", {
              from: range.savedFrom ?? t("page.firstDay"),
              to: range.savedTo ?? t("page.lastDay"),
            })}
          </span>
        </Form>
      ) : null}
      <ReportBody view={{ kind: page.kind, data: page.data }} />
      {page.tables.length > 0 ? (
        <section>
          <h2>{t("page.download")}</h2>
          <ul>
            {page.tables.map((table) => (
              <li key={table.name}>
                <a href={table.href} download rel="noreferrer">
                  {table.name}.csv
                </a>{" "}
                <span className="muted small">{t("page.rows", { count: table.rows })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <footer className="muted small">{t("page.footer")}</footer>
    </main>
  );
}

/** Every failure looks the same: a guesser learns nothing from the page. */
export function ErrorBoundary() {
  return <SharedLinkInvalid />;
}
