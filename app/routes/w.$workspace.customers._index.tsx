import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
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
  // Paging keeps the search and the owner's "include customers without consent" choice.
  const pageLink = (to: number) =>
    `?${new URLSearchParams({ q: search ?? "", ...(includeUnconsented ? { all: "1" } : {}), page: String(to) })}`;
  return (
    <>
      <p className="small">
        <Link to="../data">← Data</Link>
      </p>
      <h1>Customers</h1>
      {erased ? (
        <p className="notice" role="status">
          The customer was erased from every table, rejected rows and stored uploads included; the
          audit log keeps a record without personal data.
          {erased === "wal"
            ? " Other connections were reading, so the database's write-ahead log still holds old copies until the next full checkpoint (an operator can run PRAGMA wal_checkpoint(TRUNCATE), or restart the app)."
            : null}
        </p>
      ) : null}
      <p className="muted">
        {formatInteger(counts.total)} profiles merged from every source.{" "}
        {includeUnconsented ? (
          <>
            Showing everyone, including {formatInteger(counts.excluded)} {counts.excludedAs}.
          </>
        ) : (
          <>
            {formatInteger(counts.excluded)} {counts.excludedAs} are hidden and excluded from
            analyses and exports (legal basis: {counts.basis}).
          </>
        )}
      </p>
      <Form method="get" className="row">
        <label>
          Search name, e-mail, phone or id
          <input type="search" name="q" defaultValue={search ?? ""} />
        </label>
        {canIncludeUnconsented ? (
          <label className="row" style={{ alignItems: "center", fontWeight: 400 }}>
            <input type="checkbox" name="all" value="1" defaultChecked={includeUnconsented} />{" "}
            include customers {counts.excludedAs}
          </label>
        ) : null}
        <button type="submit" className="secondary">
          Search
        </button>
      </Form>
      <div className="scroll-x" style={{ marginTop: "1rem" }}>
        <table className="data">
          <thead>
            <tr>
              <th>Name</th>
              <th>E-mail</th>
              <th>Phone</th>
              <th>City</th>
              <th>Sources</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={String(c.id)}>{c.name ?? `#${c.id}`}</Link>
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
        {page > 1 ? <Link to={pageLink(page - 1)}>← previous</Link> : null}
        {customers.length === PAGE ? <Link to={pageLink(page + 1)}>next →</Link> : null}
      </p>
    </>
  );
}
