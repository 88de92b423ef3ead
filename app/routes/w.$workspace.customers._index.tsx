import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { customerLabel } from "~/components/customer-label";
import { customerCounts, listCustomers } from "~/customers/queries.server";
import { formatInteger } from "~/format";
import { requireWorkspace } from "~/workspace.server";

const PAGE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, role } = await requireWorkspace(request, params);
  const url = new URL(request.url);
  const search = url.searchParams.get("q")?.trim() || undefined;
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  // Customers without data-processing consent are shown to owners only, on request.
  const canIncludeUnconsented = role === "owner";
  const includeUnconsented = canIncludeUnconsented && url.searchParams.get("all") === "1";
  const erased = url.searchParams.get("erased");
  return {
    erased: erased === "1" || erased === "wal" ? erased : null,
    canIncludeUnconsented,
    search,
    page,
    includeUnconsented,
    counts: customerCounts(scope),
    customers: listCustomers(scope, {
      search,
      limit: PAGE,
      offset: (page - 1) * PAGE,
      includeUnconsented,
    }),
  };
}

export default function Customers() {
  const { erased, search, page, includeUnconsented, canIncludeUnconsented, counts, customers } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("data");
  // Who is left out follows the legal basis: no consent, or an objection.
  const excludedKind = counts.basis === "consent" ? "consent" : "objected";
  const excluded = formatInteger(counts.excluded);
  // Paging keeps the search and the owner's "include customers without consent" choice.
  const pageLink = (to: number) =>
    `?${new URLSearchParams({ q: search ?? "", ...(includeUnconsented ? { all: "1" } : {}), page: String(to) })}`;
  return (
    <>
      <p className="small">
        <Link to="../data">{t("customers.back")}</Link>
      </p>
      <h1>{t("customers.title")}</h1>
      {erased ? (
        <p className="notice" role="status">
          {t("customers.erased")}
          {erased === "wal" ? t("customers.erasedWal") : null}
        </p>
      ) : null}
      <p className="muted">
        {t("customers.profiles", { total: formatInteger(counts.total) })}{" "}
        {includeUnconsented
          ? t(`customers.showingEveryone.${excludedKind}`, { n: excluded })
          : t(`customers.hidden.${excludedKind}`, {
              n: excluded,
              basis: t(`customers.bases.${counts.basis}`),
            })}
      </p>
      <Form method="get" className="row">
        <label>
          {t("customers.search")}
          <input type="search" name="q" defaultValue={search ?? ""} />
        </label>
        {canIncludeUnconsented ? (
          <label className="row" style={{ alignItems: "center", fontWeight: 400 }}>
            <input type="checkbox" name="all" value="1" defaultChecked={includeUnconsented} />{" "}
            {t(`customers.include.${excludedKind}`)}
          </label>
        ) : null}
        <button type="submit" className="secondary">
          {t("customers.searchButton")}
        </button>
      </Form>
      <div className="scroll-x" style={{ marginTop: "1rem" }}>
        <table className="data">
          <thead>
            <tr>
              <th>{t("customers.name")}</th>
              <th>{t("customers.email")}</th>
              <th>{t("customers.phone")}</th>
              <th>{t("customers.city")}</th>
              <th>{t("customers.sources")}</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={String(c.id)}>{customerLabel(c) ?? t("customers.unnamed")}</Link>
                </td>
                <td>{c.email ?? "—"}</td>
                <td>{c.phone ?? "—"}</td>
                <td>{c.city ?? "—"}</td>
                <td>{c.sources}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="row">
        {page > 1 ? <Link to={pageLink(page - 1)}>{t("customers.previous")}</Link> : null}
        {customers.length === PAGE ? (
          <Link to={pageLink(page + 1)}>{t("customers.next")}</Link>
        ) : null}
      </p>
    </>
  );
}
