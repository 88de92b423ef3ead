/** The Reports list: open, rename, edit the note, duplicate, delete (editors and owners). */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/format";
import { useMessage } from "~/i18n/message";
import { useReportKindLabel } from "./report-kind-label";

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
  const { t } = useTranslation("reports");
  const translate = useMessage();
  const kindLabel = useReportKindLabel();
  return (
    <div className="scroll-x">
      <table className="data" aria-label={t("table.label")}>
        <thead>
          <tr>
            <th>{t("table.title")}</th>
            <th>{t("table.kind")}</th>
            <th>{t("table.shows")}</th>
            <th>{t("table.createdBy")}</th>
            <th>{t("table.updated")}</th>
            {canEdit ? <th>{t("table.change")}</th> : null}
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
                <td>{kindLabel(r.kind)}</td>
                <td>
                  {r.mode === "snapshot"
                    ? t("table.snapshotOf", { date: formatDateTime(r.snapshotAt) })
                    : t("table.live")}
                </td>
                <td>{r.createdBy ?? "—"}</td>
                <td className="small">{formatDateTime(r.updatedAt)}</td>
                {canEdit ? (
                  <td>
                    <details>
                      <summary>{t("table.rename")}</summary>
                      <Form method="post" className="row">
                        <input type="hidden" name="id" value={r.id} />
                        <label>
                          {t("table.newTitle")}
                          <input name="title" defaultValue={r.title} required maxLength={120} />
                        </label>
                        <button type="submit" name="intent" value="rename">
                          {t("table.rename")}
                        </button>
                        {own.title ? (
                          <span className="field-error">{translate(own.title)}</span>
                        ) : null}
                      </Form>
                    </details>
                    <details>
                      <summary>{t("table.editNote")}</summary>
                      <Form method="post" className="row">
                        <input type="hidden" name="id" value={r.id} />
                        <label>
                          {t("table.note")}
                          <textarea name="note" defaultValue={r.note} rows={2} maxLength={2000} />
                        </label>
                        <button type="submit" name="intent" value="note">
                          {t("table.saveNote")}
                        </button>
                        {own.note ? (
                          <span className="field-error">{translate(own.note)}</span>
                        ) : null}
                      </Form>
                    </details>
                    <Form method="post" className="row">
                      <input type="hidden" name="id" value={r.id} />
                      <button type="submit" name="intent" value="duplicate" className="secondary">
                        {t("table.duplicate")}
                      </button>
                    </Form>
                    <details>
                      <summary>{t("table.delete")}</summary>
                      <Form method="post" className="row">
                        <input type="hidden" name="id" value={r.id} />
                        <span className="small">
                          {t("table.deleteQuestion", { title: r.title })}
                        </span>
                        <button type="submit" name="intent" value="delete" className="danger">
                          {t("table.deleteForGood")}
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
