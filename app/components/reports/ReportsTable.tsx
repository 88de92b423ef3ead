/** The Reports list: open, rename, edit the note, duplicate, delete (editors and owners). */
import { Form, Link } from "@remix-run/react";
import { formatDateTime } from "~/format";
import { isReportKind, reportKindLabels } from "~/reports/report-kinds";

export interface ReportRow {
  id: number;
  kind: string;
  title: string;
  note: string;
  mode: "snapshot" | "live";
  createdBy: string | null;
  updatedAt: string;
  snapshotAt: string | null;
}

export function ReportsTable({
  reports,
  base,
  canEdit,
  errors,
  errorsFor,
}: {
  reports: ReportRow[];
  base: string;
  canEdit: boolean;
  errors: Record<string, string | undefined>;
  /** The report the errors belong to. */
  errorsFor?: number;
}) {
  return (
    <div className="scroll-x">
      <table className="data" aria-label="Reports">
        <thead>
          <tr>
            <th>Title</th>
            <th>Kind</th>
            <th>Shows</th>
            <th>Created by</th>
            <th>Updated</th>
            {canEdit ? <th>Change</th> : null}
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => {
            const own = errorsFor === r.id ? errors : {};
            return (
              <tr key={r.id} data-testid="report-row">
                <td>
                  <Link to={`${base}/${r.id}`}>
                    <strong>{r.title}</strong>
                  </Link>
                  {r.note ? <div className="muted small">{r.note}</div> : null}
                </td>
                <td>{isReportKind(r.kind) ? reportKindLabels[r.kind] : r.kind}</td>
                <td>
                  {r.mode === "snapshot" ? `Snapshot of ${formatDateTime(r.snapshotAt)}` : "Live"}
                </td>
                <td>{r.createdBy ?? "—"}</td>
                <td className="small">{formatDateTime(r.updatedAt)}</td>
                {canEdit ? (
                  <td>
                    <details>
                      <summary>Rename</summary>
                      <Form method="post" className="row">
                        <input type="hidden" name="id" value={r.id} />
                        <label>
                          New title
                          <input name="title" defaultValue={r.title} required maxLength={120} />
                        </label>
                        <button type="submit" name="intent" value="rename">
                          Rename
                        </button>
                        {own.title ? <span className="field-error">{own.title}</span> : null}
                      </Form>
                    </details>
                    <details>
                      <summary>Edit note</summary>
                      <Form method="post" className="row">
                        <input type="hidden" name="id" value={r.id} />
                        <label>
                          Note
                          <textarea name="note" defaultValue={r.note} rows={2} maxLength={2000} />
                        </label>
                        <button type="submit" name="intent" value="note">
                          Save note
                        </button>
                        {own.note ? <span className="field-error">{own.note}</span> : null}
                      </Form>
                    </details>
                    <Form method="post" className="row">
                      <input type="hidden" name="id" value={r.id} />
                      <button type="submit" name="intent" value="duplicate" className="secondary">
                        Duplicate
                      </button>
                    </Form>
                    <details>
                      <summary>Delete</summary>
                      <Form method="post" className="row">
                        <input type="hidden" name="id" value={r.id} />
                        <span className="small">
                          Delete “{r.title}” with its share links and e-mail deliveries?
                        </span>
                        <button type="submit" name="intent" value="delete" className="danger">
                          Delete for good
                        </button>
                      </Form>
                    </details>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
