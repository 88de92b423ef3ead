/**
 * The confirmation step of a deletion: what will be removed (rows by table, the runs and
 * reports that used it, the stored upload) and a form that deletes. Without JavaScript it is
 * a section of the page the delete button led to (…?delete=…); once the page runs scripts
 * it opens as a modal dialog, and closing it (Esc, Cancel) goes back to the page.
 */
import { Form, Link, useNavigate } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatBytes } from "~/datasets/kind-labels";
import { CONFIRM_FIELD, CONFIRM_VALUE, type DeletionSummary } from "~/deletion/summary";
import { formatDateTime, formatInteger } from "~/format";

export function ConfirmDelete({
  title,
  summary,
  fields,
  cancelTo,
  action,
  reportsPath,
}: {
  /** "Delete “orders.csv”?", in the reader's language. */
  title: string;
  summary: DeletionSummary;
  /** Hidden fields the delete form posts (intent, id). */
  fields: Record<string, string>;
  /** Where Cancel (and closing the dialog) goes: the page without the confirmation step. */
  cancelTo: string;
  /** The route that deletes, when it is not the current one. */
  action?: string;
  /** The workspace's reports, to link each report named. */
  reportsPath: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element || typeof element.showModal !== "function") return;
    // Rendered open (for pages without scripts); reopened as a modal once scripts run.
    element.close();
    element.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      navigate(cancelTo, { replace: true, preventScrollReset: true });
    };
    element.addEventListener("cancel", onCancel);
    return () => element.removeEventListener("cancel", onCancel);
  }, [cancelTo, navigate]);
  const nothing =
    summary.rows.length === 0 && summary.reports.length === 0 && !summary.storedUpload;
  return (
    <dialog
      open
      ref={dialog}
      className="card confirm-delete"
      aria-labelledby="confirm-delete-title"
      data-testid="confirm-delete"
    >
      <h2 id="confirm-delete-title">{title}</h2>
      {nothing ? (
        <p>{t("deletion.nothingElse")}</p>
      ) : (
        <>
          <p>{t("deletion.removes")}</p>
          <ul data-testid="deletion-rows">
            {summary.rows.map((row) => (
              <li key={row.table} data-table={row.table}>
                {t(`deletion.tables.${row.table}`, {
                  count: row.count,
                  n: formatInteger(row.count),
                })}
              </li>
            ))}
            {summary.storedUpload ? (
              <li>
                {t("deletion.storedUpload", {
                  file: summary.storedUpload.fileName,
                  size: formatBytes(summary.storedUpload.bytes),
                })}
              </li>
            ) : null}
          </ul>
        </>
      )}
      {summary.runs.length > 0 ? (
        <>
          <p>
            {t("deletion.runs", {
              count: summary.runs.length,
              n: formatInteger(summary.runs.length),
            })}
          </p>
          <ul data-testid="deletion-runs">
            {summary.runs.map((run) => (
              <li key={run.id}>
                {t("deletion.run", {
                  id: run.id,
                  kind: t(`segments:runs.kinds.${run.kind}`, { defaultValue: run.kind }),
                  at: formatDateTime(run.createdAt),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.reports.length > 0 ? (
        <>
          <p>
            {t("deletion.reports", {
              count: summary.reports.length,
              n: formatInteger(summary.reports.length),
            })}
          </p>
          <ul data-testid="deletion-reports">
            {summary.reports.map((report) => (
              <li key={report.id}>
                <Link to={`${reportsPath}/${report.id}`}>{report.title}</Link> (
                {t(`deletion.reportMode.${report.mode}`)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted small">{t("deletion.cannotUndo")}</p>
      <Form method="post" action={action} className="row">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
        <button type="submit" className="danger">
          {t("deletion.confirm")}
        </button>
        <Link to={cancelTo} replace preventScrollReset>
          {t("deletion.cancel")}
        </Link>
      </Form>
    </dialog>
  );
}
