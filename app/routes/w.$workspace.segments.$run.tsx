import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/StatusBadge";
import { runOf, runPath } from "~/components/segments/run-access.server";
import { runKindLabels } from "~/components/segments/run-results";
import { formatDateTime } from "~/format";
import { requireWorkspace } from "~/workspace.server";

/** The frame of one analysis run: what it is, its status, and its pages as tabs. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const run = runOf(access, params.run);
  return {
    run: { id: run.id, kind: run.kind, status: run.status, createdAt: run.createdAt },
    canEdit: access.role !== "viewer",
    base: runPath(access.workspace.slug, run.id),
    segmentsPath: `/w/${access.workspace.slug}/segments`,
  };
}

export default function RunLayout() {
  const { run, canEdit, base, segmentsPath } = useLoaderData<typeof loader>();
  const tabs = [
    { to: base, label: "Segments", end: true },
    { to: `${base}/channels`, label: "Channels" },
    { to: `${base}/products`, label: "Products" },
    ...(canEdit ? [{ to: `${base}/audience`, label: "Audience" }] : []),
  ];
  return (
    <>
      <p className="small">
        <Link to={segmentsPath}>← Segments</Link>
      </p>
      <h1>
        {runKindLabels[run.kind] ?? run.kind} · run #{run.id} <StatusBadge status={run.status} />
      </h1>
      <p className="muted small">Started {formatDateTime(run.createdAt)}</p>
      {run.status === "succeeded" ? (
        <nav aria-label="Run pages" className="row" style={{ margin: "0.5rem 0 1rem" }}>
          {tabs.map((tab) => (
            <NavLink
              key={tab.to}
              to={tab.to}
              end={tab.end}
              className={({ isActive }) => `badge${isActive ? " status-ok" : ""}`}
              style={{ fontSize: "0.95rem", padding: "0.3rem 0.8rem", textDecoration: "none" }}
            >
              {tab.label}
            </NavLink>
          ))}
        </nav>
      ) : null}
      <Outlet />
    </>
  );
}
