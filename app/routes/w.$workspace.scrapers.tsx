import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { adapters } from "#scrapers/sources/index";
import { ConfirmDelete } from "~/components/ConfirmDelete";
import { useRevalidateWhile } from "~/components/live";
import { RunsTable } from "~/components/scraping/RunsTable";
import { SourceForm } from "~/components/scraping/SourceForm";
import { SourcesTable } from "~/components/scraping/SourcesTable";
import { TestResult } from "~/components/scraping/TestResult";
import { isConfirmed } from "~/deletion/summary";
import { useMessage } from "~/i18n/message";
import { DEAD_AFTER_FAILURES } from "~/scraping/limits";
import { pendingRunsBySource } from "~/scraping/pending.server";
import { listRuns } from "~/scraping/runs.server";
import { scrapersAction } from "~/scraping/scrapers-action.server";
import { sourceDeletionSummary } from "~/scraping/source-deletion.server";
import { listSources, stateOf, workspaceTimeZone } from "~/scraping/sources.server";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, role, workspace } = await requireWorkspace(request, params);
  const query = new URL(request.url).searchParams;
  const sourceParam = Number(query.get("source"));
  const pending = pendingRunsBySource(scope);
  const sources = listSources(scope).map((s) => ({
    id: s.id,
    name: s.name,
    adapter: s.adapter,
    schedule: s.schedule,
    state: stateOf(s),
    lastStatus: s.lastStatus,
    lastRunAt: s.lastRunAt?.toISOString() ?? null,
    nextRunAt: s.nextRunAt?.toISOString() ?? null,
    lastError: s.lastError,
    consecutiveFailures: s.consecutiveFailures,
    pending: pending.get(s.id) ?? null,
  }));
  const filter = sources.find((s) => s.id === sourceParam);
  // The confirmation step (?delete=id): what deleting the source would remove, nothing removed.
  const toDelete =
    role !== "viewer" ? sources.find((s) => s.id === Number(query.get("delete"))) : undefined;
  const deletion = toDelete
    ? { id: toDelete.id, name: toDelete.name, summary: sourceDeletionSummary(scope, toDelete.id) }
    : null;
  const runs = listRuns(scope, { sourceId: filter?.id, limit: 50 }).map((r) => ({
    ...r,
    startedAt: r.startedAt.toISOString(),
  }));
  return {
    sources,
    runs,
    filterName: filter?.name ?? null,
    busy: pending.size > 0 || runs.some((r) => r.status === "running"),
    canEdit: role !== "viewer",
    timeZone: workspaceTimeZone(scope),
    deadAfter: DEAD_AFTER_FAILURES,
    adapters: Object.values(adapters).map((a) => ({ id: a.id, label: a.label })),
    deletion,
    reportsPath: `/w/${workspace.slug}/reports`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const form = await request.formData();
  // A delete without the confirmation step's field removes nothing: the step is shown first.
  if (form.get("intent") === "delete" && !isConfirmed(form))
    return redirect(
      `/w/${access.workspace.slug}/scrapers?delete=${encodeURIComponent(String(form.get("id")))}`,
    );
  const result = await scrapersAction(access, form);
  if ("redirect" in result) return redirect(`/w/${access.workspace.slug}/scrapers`);
  const failed =
    (result.intent === "create" && !result.ok) || (result.intent === "source" && !result.ok);
  return data(result, { status: failed ? 400 : 200 });
}

export default function ScrapersPage() {
  const {
    sources,
    runs,
    filterName,
    busy,
    canEdit,
    timeZone,
    adapters,
    deadAfter,
    deletion,
    reportsPath,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("scraping");
  const translate = useMessage();
  // While runs are queued or running, refresh so their outcome appears without a reload.
  useRevalidateWhile(busy, 1500);

  const formState = result && result.intent !== "source" ? result : undefined;
  return (
    <>
      <h1>{t("scrapers.title")}</h1>
      <p className="muted">{t("scrapers.intro", { deadAfter })}</p>
      {result?.intent === "source" ? (
        <p className={result.ok ? "notice" : "form-error"} role="status">
          {translate(result.message)}
        </p>
      ) : null}
      <h2>{t("scrapers.sources")}</h2>
      <SourcesTable sources={sources} canEdit={canEdit} />
      {canEdit ? (
        <>
          <h2>{t("scrapers.addSource")}</h2>
          <SourceForm
            adapters={adapters}
            timeZone={timeZone}
            values={formState?.values}
            errors={
              formState?.intent === "create"
                ? formState.errors
                : formState?.test.ok === false
                  ? formState.test.fields
                  : undefined
            }
          />
          {formState?.intent === "test" ? <TestResult outcome={formState.test} /> : null}
        </>
      ) : null}
      <h2 id="runs">
        {filterName ? t("scrapers.runsOf", { name: filterName }) : t("scrapers.runs")}
      </h2>
      {filterName ? (
        <p className="small">
          <a href="?#runs">{t("scrapers.allRuns")}</a>
        </p>
      ) : null}
      <RunsTable runs={runs} />
      {deletion ? (
        <ConfirmDelete
          title={t("common:deletion.source", { name: deletion.name })}
          summary={deletion.summary}
          fields={{ intent: "delete", id: String(deletion.id) }}
          cancelTo="."
          reportsPath={reportsPath}
        />
      ) : null}
    </>
  );
}
