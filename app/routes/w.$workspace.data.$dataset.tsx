import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getWorkspaceJob } from "#jobs/queue";
import { ConfirmDelete } from "~/components/ConfirmDelete";
import { DatasetPreview } from "~/components/DatasetPreview";
import { CellWarnings, RejectedRows } from "~/components/ImportProblems";
import { ProgressBar, useRevalidateWhile } from "~/components/live";
import { StatusBadge } from "~/components/StatusBadge";
import { datasetDeletionSummary } from "~/datasets/deletion-summary.server";
import { formatBytes, kindLabels } from "~/datasets/kind-labels";
import {
  choicesFrom,
  displayedStoredFile,
  previewStoredFile,
  settingsOverridesFrom,
} from "~/datasets/preview.server";
import {
  deleteDataset,
  getDataset,
  listCellWarnings,
  listRejectedRows,
} from "~/datasets/queries.server";
import { rowSharingOf } from "~/datasets/rows-held-elsewhere.server";
import { describeSettings } from "~/datasets/settings-summary";
import { isConfirmed } from "~/deletion/summary";
import { formatDateTime, formatInteger, formatPercentage } from "~/format";
import { clauseList, message, useMessage } from "~/i18n/message";
import { enqueueImport } from "~/ingest/import-job.server";
import { type DatasetKind, fieldTypes } from "~/ingest/kinds";
import { notFound, requireWorkspace, type WorkspaceAccess } from "~/workspace.server";

const isBeingImported = (dataset: { status: string }) =>
  dataset.status === "queued" || dataset.status === "importing";

function datasetOf(access: WorkspaceAccess, param: string | undefined) {
  const id = Number(param);
  const dataset = Number.isInteger(id) ? getDataset(access.scope, id) : undefined;
  if (!dataset) throw notFound();
  return dataset;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const dataset = datasetOf(access, params.dataset);
  const canEdit = access.role !== "viewer";
  const asked = new URL(request.url).searchParams.has("delete");
  const base = {
    dataset,
    canEdit,
    fields: Object.keys(fieldTypes[dataset.kind as DatasetKind] ?? {}),
    // The confirmation step (?delete): what deleting would remove, counted, nothing removed.
    deletion:
      asked && canEdit && !isBeingImported(dataset)
        ? datasetDeletionSummary(access.scope, dataset)
        : null,
    reportsPath: `/w/${access.workspace.slug}/reports`,
  };
  if (dataset.status === "uploaded") {
    const overrides = settingsOverridesFrom(new URL(request.url).searchParams);
    const preview = await displayedStoredFile(access.scope, dataset, overrides);
    return { ...base, preview, progress: null, rejected: [], warnings: [] };
  }
  const job = dataset.jobId ? getWorkspaceJob(access.scope, dataset.jobId) : undefined;
  const rejected = listRejectedRows(access.scope, dataset.id, 100);
  const warnings = listCellWarnings(access.scope, dataset.id, 100);
  const sharing = rowSharingOf(access.scope, dataset);
  return { ...base, preview: null, progress: job?.progress ?? null, rejected, warnings, sharing };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const dataset = datasetOf(access, params.dataset);
  const form = await request.formData();
  if (form.get("intent") === "delete") {
    if (isBeingImported(dataset))
      return data({ error: message("data:dataset.errors.deleteWhileImporting") }, { status: 409 });
    // Without the confirmation step's field nothing is removed: the step is shown first.
    if (!isConfirmed(form))
      return redirect(`/w/${access.workspace.slug}/data/${dataset.id}?delete`);
    deleteDataset(access.scope, dataset.id, access.user.id);
    return redirect(`/w/${access.workspace.slug}/data`);
  }
  if (dataset.status !== "uploaded")
    return data({ error: message("data:dataset.errors.alreadyImported") }, { status: 409 });
  const overrides = settingsOverridesFrom(form);
  const detected = await previewStoredFile(access.scope, dataset, overrides);
  if (!detected.ok) return data({ error: detected.message }, { status: 400 });
  const { mapping, dateChoices } = choicesFrom(form, detected.headers, detected.mapping);
  const preview = await previewStoredFile(access.scope, dataset, {
    ...overrides,
    mapping,
    dateFormats: dateChoices,
  });
  if (!preview.ok) return data({ error: preview.message }, { status: 400 });
  if (!preview.mappingCheck.ok) {
    return data(
      {
        error: message("data:dataset.errors.fixMapping", {
          problems: clauseList(preview.mappingCheck.problems),
        }),
      },
      { status: 400 },
    );
  }
  const undecided = Object.entries(preview.dateColumns)
    .filter(([header, column]) => column.status === "ambiguous" && !dateChoices[header])
    .map(([header]) => header);
  if (undecided.length > 0) {
    return data(
      { error: message("data:dataset.errors.chooseDateFormat", { columns: undecided.join(", ") }) },
      { status: 400 },
    );
  }
  enqueueImport(access.scope, dataset.id, {
    settings: preview.settings,
    mapping: preview.mappingCheck.mapping,
    rowSettings: preview.rowSettings,
  });
  return redirect(`/w/${access.workspace.slug}/data/${dataset.id}`);
}

export default function DatasetPage() {
  const loaded = useLoaderData<typeof loader>();
  const { dataset, preview, progress, rejected, warnings, canEdit, fields, deletion } = loaded;
  const sharing = "sharing" in loaded ? loaded.sharing : null;
  const result = useActionData<typeof action>();
  const running = isBeingImported(dataset);
  useRevalidateWhile(running);
  const { t } = useTranslation("data");
  const translate = useMessage();

  const percent = Math.max(0, Math.min(100, Math.round(Number(progress?.percent ?? 0))));
  return (
    <>
      <p className="small">
        <Link to="..">{t("dataset.back")}</Link>
      </p>
      <h1>
        {dataset.fileName} <StatusBadge status={dataset.status} />
      </h1>
      <p className="muted">
        {kindLabels[dataset.kind as DatasetKind] ? t(`kinds.${dataset.kind}.label`) : dataset.kind}{" "}
        · {formatBytes(dataset.fileBytes)}
        {t("dataset.uploaded", { at: formatDateTime(dataset.createdAt) })}
      </p>
      {result?.error ? (
        <p className="form-error" role="alert">
          {translate(result.error)}
        </p>
      ) : null}

      {preview ? (
        preview.ok ? (
          <DatasetPreview preview={preview} fields={fields} canEdit={canEdit} />
        ) : (
          <p className="form-error" role="alert">
            {t("dataset.cannotImport", { reason: translate(preview.message) })}
          </p>
        )
      ) : null}

      {running ? (
        <section aria-label={t("dataset.progressLabel")}>
          <h2>{t("dataset.importing")}</h2>
          <ProgressBar percent={percent} />
          <p className="muted small">
            {t("dataset.progress", {
              rows: formatInteger(Number(progress?.rows ?? 0)),
              percent: formatPercentage(percent / 100, 0),
              rate: formatInteger(Number(progress?.rate ?? 0)),
            })}
          </p>
        </section>
      ) : null}

      {dataset.status === "succeeded" || dataset.status === "failed" ? (
        <section aria-label={t("dataset.resultLabel")}>
          {dataset.error ? (
            <p className="form-error" role="alert">
              {t("dataset.failed", { error: translate(dataset.error) })}
            </p>
          ) : null}
          <div className="stats">
            {(
              [
                ["rows read", dataset.rowsRead],
                ["loaded", dataset.rowsLoaded],
                ["rejected", dataset.rowsRejected],
                ["cell warnings", dataset.cellWarnings],
                ["new", dataset.rowsNew],
                ["updated", dataset.rowsUpdated],
                ["unchanged", dataset.rowsUnchanged],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <strong data-testid={`count-${label.replaceAll(" ", "-")}`}>
                  {formatInteger(value)}
                </strong>
                <span>{t(`dataset.counts.${label}`)}</span>
              </div>
            ))}
          </div>
          {sharing && (sharing.heldElsewhere > 0 || sharing.duplicateKeys > 0) ? (
            <p data-testid="row-sharing">
              {sharing.heldElsewhere > 0
                ? t("dataset.heldElsewhere", { n: formatInteger(sharing.heldElsewhere) })
                : ""}
              {sharing.duplicateKeys > 0
                ? t("dataset.duplicateKeys", { n: formatInteger(sharing.duplicateKeys) })
                : ""}
            </p>
          ) : null}
          <p className="muted small">
            {t("dataset.settingsUsed", {
              settings: describeSettings(dataset.settings, t),
              at: formatDateTime(dataset.finishedAt),
            })}
          </p>
        </section>
      ) : null}

      {rejected.length > 0 ? (
        <RejectedRows
          rows={rejected}
          total={dataset.rowsRejected}
          csvHref={`${dataset.id}/rejected.csv`}
        />
      ) : null}

      {warnings.length > 0 ? (
        <CellWarnings
          rows={warnings}
          total={dataset.cellWarnings}
          csvHref={`${dataset.id}/warnings.csv`}
        />
      ) : null}

      {canEdit && !running ? (
        <Form method="get" style={{ marginTop: "2rem" }} preventScrollReset>
          <button type="submit" name="delete" value="" className="danger">
            {t("dataset.delete")}
          </button>
        </Form>
      ) : null}
      {deletion ? (
        <ConfirmDelete
          title={t("common:deletion.dataset", { name: dataset.fileName })}
          summary={deletion}
          fields={{ intent: "delete" }}
          cancelTo="."
          reportsPath={loaded.reportsPath}
        />
      ) : null}
    </>
  );
}
