import { Readable } from "node:stream";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { StatusBadge } from "~/components/StatusBadge";
import { customerCounts } from "~/customers/queries.server";
import { formatBytes, kindLabels } from "~/datasets/kind-labels";
import { listDatasets } from "~/datasets/queries.server";
import { formatDateTime, formatInteger } from "~/format";
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
        if (text.length > 64) throw new UploadError("The form's kind field is too long");
      }
      if (isKind(text)) kind = text;
      return;
    }
    if (name === "file" && filename) {
      if (!kind) throw new UploadError("Choose what the file contains first");
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
    const message = error instanceof Error ? error.message : String(error);
    return data({ error: message }, { status: 400 });
  }
  if (!datasetId) return data({ error: "Choose a CSV file to upload" }, { status: 400 });
  return redirect(`/w/${workspace.slug}/data/${datasetId}`);
}

class UploadError extends Error {}

export default function DataPage() {
  const { datasets, customers, canUpload } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const uploading = useNavigation().state === "submitting";
  return (
    <>
      <h1>Data</h1>
      <div className="stats">
        <div>
          <strong>{formatInteger(customers.total)}</strong>
          <span>customer profiles</span>
        </div>
        <div>
          <strong>{formatInteger(customers.excluded)}</strong>
          <span>excluded from analyses (no data-processing consent)</span>
        </div>
        <div>
          <Link to="../customers">Browse customers →</Link>
        </div>
      </div>
      {canUpload ? (
        <>
          <h2>Upload a CSV</h2>
          <Form method="post" encType="multipart/form-data" className="card stack">
            <fieldset className="row" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="small muted">What does the file contain?</legend>
              {datasetKinds.map((kind) => (
                <label
                  key={kind}
                  className="row"
                  style={{ alignItems: "center", fontWeight: 400 }}
                  title={kindLabels[kind].hint}
                >
                  <input
                    type="radio"
                    name="kind"
                    value={kind}
                    defaultChecked={kind === "customers"}
                  />
                  {kindLabels[kind].label}
                </label>
              ))}
            </fieldset>
            <label>
              CSV file (also .gz, or a .zip with one CSV)
              <input type="file" name="file" accept=".csv,.txt,.tsv,.gz,.zip,text/csv" required />
            </label>
            {result?.error ? (
              <p className="form-error" role="alert">
                {result.error}
              </p>
            ) : null}
            <div>
              <button type="submit" disabled={uploading}>
                {uploading ? "Uploading…" : "Upload and preview"}
              </button>
            </div>
          </Form>
        </>
      ) : null}
      <h2>Datasets</h2>
      {datasets.length === 0 ? (
        <p className="muted">No uploads yet.</p>
      ) : (
        <div className="scroll-x">
          <table className="data">
            <thead>
              <tr>
                <th>File</th>
                <th>Kind</th>
                <th>Uploaded</th>
                <th>Status</th>
                <th>Loaded</th>
                <th>Rejected</th>
                <th>Cell warnings</th>
                <th>New / updated / unchanged</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={String(d.id)}>{d.fileName}</Link>
                    <div className="muted small">{formatBytes(d.fileBytes)}</div>
                  </td>
                  <td>{kindLabels[d.kind as DatasetKind]?.label ?? d.kind}</td>
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
