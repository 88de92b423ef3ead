import { Readable } from "node:stream";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/StatusBadge";
import { customerCounts } from "~/customers/queries.server";
import { formatBytes } from "~/datasets/kind-labels";
import { listDatasets } from "~/datasets/queries.server";
import { formatDateTime, formatInteger } from "~/format";
import { message, useMessage } from "~/i18n/message";
import { type DatasetKind, datasetKinds } from "~/ingest/kinds";
import { type MultipartPart, readMultipart } from "~/ingest/multipart.server";
import { storeUpload } from "~/ingest/upload.server";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, role } = await requireWorkspace(request, params);
  return {
    datasets: listDatasets(scope),
    customers: customerCounts(scope),
    canUpload: role !== "viewer",
  };
}

function isKind(value: string): value is DatasetKind {
  return (datasetKinds as readonly string[]).includes(value);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, user, workspace } = await requireWorkspace(request, params, "editor");
  let kind: DatasetKind | undefined;
  let datasetId: number | undefined;
  // Parts arrive in form order: the kind comes before the file, so the file part can be
  // streamed straight to disk as a dataset of that kind. The project's own form reader
  // accepts any file name a browser sends (`sales=2025.csv`, `a;b.csv`, `отчёт.csv`).
  const handler = async ({ name, filename, data: chunks }: MultipartPart) => {
    if (name === "kind") {
      // A kind is a short word; a part that runs on is not one, and is not read to the end.
      let text = "";
      for await (const chunk of chunks) {
        text += Buffer.from(chunk).toString("utf8");
        if (text.length > 64) throw new UploadError(message("messages:ingest.form.kindTooLong"));
      }
      if (isKind(text)) kind = text;
      return;
    }
    if (name === "file" && filename) {
      if (!kind) throw new UploadError(message("messages:ingest.form.chooseKind"));
      const dataset = await storeUpload(scope, {
        kind,
        fileName: filename,
        stream: Readable.from(chunks),
        uploadedBy: user.id,
      });
      datasetId = dataset.id;
    }
  };
  try {
    await readMultipart(request, handler);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return data({ error: reason }, { status: 400 });
  }
  if (!datasetId) return data({ error: message("data:chooseFile") }, { status: 400 });
  return redirect(`/w/${workspace.slug}/data/${datasetId}`);
}

class UploadError extends Error {}

export default function DataPage() {
  const { datasets, customers, canUpload } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const uploading = useNavigation().state === "submitting";
  const { t } = useTranslation("data");
  const translate = useMessage();
  return (
    <>
      <h1>{t("title")}</h1>
      <div className="stats">
        <div>
          <strong>{formatInteger(customers.total)}</strong>
          <span>{t("customerProfiles")}</span>
        </div>
        <div>
          <strong>{formatInteger(customers.excluded)}</strong>
          <span>{t("excluded")}</span>
        </div>
        <div>
          <Link to="../customers">{t("browseCustomers")}</Link>
        </div>
      </div>
      {canUpload ? (
        <>
          <h2>{t("uploadTitle")}</h2>
          <Form method="post" encType="multipart/form-data" className="card stack">
            <fieldset className="row" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="small muted">{t("whatKind")}</legend>
              {datasetKinds.map((kind) => (
                <label
                  key={kind}
                  className="row"
                  style={{ alignItems: "center", fontWeight: 400 }}
                  title={t(`kinds.${kind}.hint`)}
                >
                  <input
                    type="radio"
                    name="kind"
                    value={kind}
                    defaultChecked={kind === "customers"}
                  />
                  {t(`kinds.${kind}.label`)}
                </label>
              ))}
            </fieldset>
            <label>
              {t("file")}
              <input type="file" name="file" accept=".csv,.txt,.tsv,.gz,.zip,text/csv" required />
            </label>
            {result?.error ? (
              <p className="form-error" role="alert">
                {translate(result.error)}
              </p>
            ) : null}
            <div>
              <button type="submit" disabled={uploading}>
                {uploading ? t("uploading") : t("upload")}
              </button>
            </div>
          </Form>
        </>
      ) : null}
      <h2>{t("datasets")}</h2>
      {datasets.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <div className="scroll-x">
          <table className="data">
            <thead>
              <tr>
                <th>{t("columns.file")}</th>
                <th>{t("columns.kind")}</th>
                <th>{t("columns.uploaded")}</th>
                <th>{t("columns.status")}</th>
                <th>{t("columns.loaded")}</th>
                <th>{t("columns.rejected")}</th>
                <th>{t("columns.warnings")}</th>
                <th>{t("columns.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={String(d.id)}>{d.fileName}</Link>
                    <div className="muted small">{formatBytes(d.fileBytes)}</div>
                  </td>
                  <td>{t(`kinds.${d.kind}.label`, { defaultValue: d.kind })}</td>
                  <td>
                    {formatDateTime(d.createdAt)}
                    <div className="muted small">{d.uploadedBy ?? "—"}</div>
                  </td>
                  <td>
                    <StatusBadge status={d.status} />
                  </td>
                  <td>{formatInteger(d.rowsLoaded)}</td>
                  <td>
                    {d.rowsRejected ? (
                      <span className="warn">{formatInteger(d.rowsRejected)}</span>
                    ) : (
                      0
                    )}
                  </td>
                  <td>
                    {d.cellWarnings ? (
                      <span className="warn">{formatInteger(d.cellWarnings)}</span>
                    ) : (
                      0
                    )}
                  </td>
                  <td>
                    {formatInteger(d.rowsNew)} / {formatInteger(d.rowsUpdated)} /{" "}
                    {formatInteger(d.rowsUnchanged)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
