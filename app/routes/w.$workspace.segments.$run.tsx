import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, NavLink, Outlet, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmDelete } from "~/components/ConfirmDelete";
import { StatusBadge } from "~/components/StatusBadge";
import { isConfirmed } from "~/deletion/summary";
import { formatDateTime } from "~/format";
import { message, useMessage } from "~/i18n/message";
import { runOf, runPath } from "~/segments/run-access.server";
import { canDeleteRun, deleteRun, runDeletionSummary } from "~/segments/run-deletion.server";
import { requireWorkspace } from "~/workspace.server";

/** The frame of one analysis run: what it is, its status, and its pages as tabs. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const run = runOf(access, params.run);
  const canEdit = access.role !== "viewer";
  const deletable = canEdit && canDeleteRun(run);
  const asked = new URL(request.url).searchParams.has("delete");
  return {
    run: { id: run.id, kind: run.kind, status: run.status, createdAt: run.createdAt },
    canEdit,
    deletable,
    // The confirmation step (?delete): what deleting the run would remove, nothing removed.
    deletion: asked && deletable ? runDeletionSummary(access.scope, run) : null,
    base: runPath(access.workspace.slug, run.id),
    segmentsPath: `/w/${access.workspace.slug}/segments`,
    reportsPath: `/w/${access.workspace.slug}/reports`,
  };
}

/** Deleting the run (posted to the run's own address, without ?index). */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const run = runOf(access, params.run);
  const form = await request.formData();
  if (form.get("intent") !== "delete") return data({ error: "Unknown action" }, { status: 400 });
  if (!canDeleteRun(run))
    return data({ error: message("common:deletion.notFinished") }, { status: 409 });
  // Without the confirmation step's field nothing is removed: the step is shown first.
  if (!isConfirmed(form)) return redirect(`${runPath(access.workspace.slug, run.id)}?delete`);
  deleteRun(access.scope, run, access.user.id);
  return redirect(`/w/${access.workspace.slug}/segments`);
}

export default function RunLayout() {
  const { run, canEdit, deletable, deletion, base, segmentsPath, reportsPath } =
    useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const translate = useMessage();
  const { t } = useTranslation("segments");
  const kind = t(`runs.kinds.${run.kind}`, { defaultValue: run.kind });
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
        {t("runs.heading", { kind, id: run.id })} <StatusBadge status={run.status} />
      </h1>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <p className="muted small">{t("runs.startedAt", { at: formatDateTime(run.createdAt) })}</p>
        {deletable ? (
          <Form method="get" action={base} preventScrollReset>
            <button type="submit" name="delete" value="" className="danger">
              {t("runs.delete")}
            </button>
          </Form>
        ) : null}
      </div>
      {failed?.error ? (
        <p className="form-error" role="alert">
          {translate(failed.error)}
        </p>
      ) : null}
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
      {deletion ? (
        <ConfirmDelete
          title={t("common:deletion.segmentRun", { kind, id: run.id })}
          summary={deletion}
          fields={{ intent: "delete" }}
          action={base}
          cancelTo={base}
          reportsPath={reportsPath}
        />
      ) : null}
      <Outlet />
    </>
  );
}
