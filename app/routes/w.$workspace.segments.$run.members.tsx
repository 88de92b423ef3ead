import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CurrencyNote } from "~/components/CurrencyNote";
import { humanLabel } from "~/components/labels";
import { formatFeatureValue, isAmountFeature } from "~/components/segments/money";
import { labelOf, segmentLabels } from "~/components/segments/run-results";
import { segmentName } from "~/components/segments/segment-names";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { predictedValuesOf } from "~/customers/value-of-customers.server";
import { formatInteger, formatMoney } from "~/format";
import { finishedRunOf, runPath } from "~/segments/run-access.server";
import { segmentMemberRows } from "~/segments/run-queries.server";
import { storedSizesAndCategories } from "~/segments/run-views.server";
import { requireWorkspace } from "~/workspace.server";

const PAGE = 50;

/** The customers of one segment of a run, 50 at a time, each linking to their profile. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const run = finishedRunOf(access, params.run);
  const url = new URL(request.url);
  const { sizes } = storedSizesAndCategories(access.scope, run);
  const segment = url.searchParams.get("segment") ?? sizes[0]?.segment ?? "";
  const total = sizes.find((s) => s.segment === segment)?.customers ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const page = Math.min(pages, Math.max(1, Math.floor(Number(url.searchParams.get("page")) || 1)));
  const rows = segmentMemberRows(access.scope, run.id, segment, {
    limit: PAGE,
    offset: (page - 1) * PAGE,
  });
  return {
    base: runPath(access.workspace.slug, run.id),
    customersPath: `/w/${access.workspace.slug}/customers`,
    labels: segmentLabels(run),
    sizes,
    segment,
    total,
    page,
    pages,
    rows,
    columns: [...new Set(rows.flatMap((r) => Object.keys(r.values ?? {})))],
    money: reportingCurrency(access.scope),
    predicted: predictedValuesOf(
      access.scope,
      rows.map((r) => r.customerId),
    ),
  };
}

export default function SegmentMembersPage() {
  const {
    base,
    customersPath,
    labels,
    sizes,
    segment,
    total,
    page,
    pages,
    rows,
    columns,
    money,
    predicted,
  } = useLoaderData<typeof loader>();
  const { t } = useTranslation("segments");
  const { t: tValue } = useTranslation("value");
  // RFM names are stored in English; cluster names as the user gave them.
  const nameOf = (key: string) => segmentName(t, labelOf(labels, key));
  const pageLink = (n: number) => `?segment=${encodeURIComponent(segment)}&page=${n}`;
  return (
    <>
      <h2>{t("members.title", { segment: nameOf(segment) })}</h2>
      <Form method="get" className="row">
        <label>
          {t("members.segment")}
          <select name="segment" defaultValue={segment}>
            {sizes.map((s) => (
              <option key={s.segment} value={s.segment}>
                {t("members.option", { segment: nameOf(s.segment), n: formatInteger(s.customers) })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="secondary">
          {t("members.show")}
        </button>
      </Form>
      <p className="small">
        {t("members.count", { n: formatInteger(total) })}
        <a href={`${base}/members.csv?segment=${encodeURIComponent(segment)}`} download>
          {t("members.download")}
        </a>
      </p>
      {columns.some(isAmountFeature) || predicted ? <CurrencyNote money={money} /> : null}
      <div className="scroll-x">
        <table className="data" aria-label={t("members.table")}>
          <thead>
            <tr>
              <th>{t("members.customer")}</th>
              {columns.map((c) => (
                <th key={c}>{humanLabel(c)}</th>
              ))}
              {predicted ? <th>{tValue("column", { days: predicted.horizonDays })}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.customerId}>
                <td>
                  <Link to={`${customersPath}/${row.customerId}`}>
                    {[row.name, row.externalId].filter(Boolean).join(" · ") || row.customerId}
                  </Link>
                </td>
                {columns.map((c) => (
                  <td key={c}>
                    {formatFeatureValue(
                      c,
                      row.values?.[c],
                      money.currency,
                      Number.isInteger(row.values?.[c]) ? 0 : 2,
                    )}
                  </td>
                ))}
                {predicted ? (
                  <td data-testid="member-predicted-value">
                    {formatMoney(predicted.values[row.customerId], money.currency)}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="row small" style={{ marginTop: "0.75rem" }}>
        {page > 1 ? <Link to={pageLink(page - 1)}>{t("members.previous")}</Link> : null}
        <span className="muted">
          {t("members.page", { page: formatInteger(page), pages: formatInteger(pages) })}
        </span>
        {page < pages ? <Link to={pageLink(page + 1)}>{t("members.next")}</Link> : null}
      </p>
    </>
  );
}
