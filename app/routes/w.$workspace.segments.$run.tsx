import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/StatusBadge";
import { runOf, runPath } from "~/components/segments/run-access.server";
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
  const { t } = useTranslation("segments");
  const tabs = [
    { to: base, label: t("runs.tabs.segments"), end: true },
    { to: `${base}/channels`, label: t("runs.tabs.channels") },
    { to: `${base}/products`, label: t("runs.tabs.products") },
    ...(canEdit ? [{ to: `${base}/audience`, label: t("runs.tabs.audience") }] : []),
  ];
  return (
    <>
      <p className="small">
        <Link to={segmentsPath}>{t("runs.back")}</Link>
      </p>
      <h1>
        {t("runs.heading", {
          kind: t(`runs.kinds.${run.kind}`, { defaultValue: run.kind }),
          id: run.id,
        })}{" "}
        <StatusBadge status={run.status} />
      </h1>
      <p className="muted small">{t("runs.startedAt", { at: formatDateTime(run.createdAt) })}</p>
      {run.status === "succeeded" ? (
        <nav aria-label={t("runs.tabs.label")} className="row" style={{ margin: "0.5rem 0 1rem" }}>
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
