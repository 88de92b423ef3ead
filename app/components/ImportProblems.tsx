/**
 * What an import left out: its rejected rows and the cells it left empty, each with the
 * reason stored as a message code (~/i18n/message-code) and worded here in the reader's
 * language.
 */
import { useTranslation } from "react-i18next";
import { formatInteger } from "~/format";
import { useMessage } from "~/i18n/message";

export interface RejectedRowView {
  id: number;
  lineNumber: number;
  column: string | null;
  reason: string;
  raw: string;
}

export interface CellWarningView {
  id: number;
  lineNumber: number;
  column: string | null;
  value: string;
  reason: string;
}

export function RejectedRows({
  rows,
  total,
  csvHref,
}: {
  rows: readonly RejectedRowView[];
  total: number;
  csvHref: string;
}) {
  const { t } = useTranslation("data");
  const translate = useMessage();
  return (
    <section aria-label={t("dataset.rejectedRows")}>
      <h2>{t("dataset.rejectedRows")}</h2>
      <p>
        <a href={csvHref} download>
          {t("dataset.downloadRejected", { n: formatInteger(total) })}
        </a>
      </p>
      <div className="scroll-x">
        <table className="data">
          <thead>
            <tr>
              <th>{t("dataset.line")}</th>
              <th>{t("dataset.column")}</th>
              <th>{t("dataset.reason")}</th>
              <th>{t("dataset.rawLine")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.lineNumber}</td>
                <td>{r.column ?? "—"}</td>
                <td>{translate(r.reason)}</td>
                <td className="mono">{r.raw}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function CellWarnings({
  rows,
  total,
  csvHref,
}: {
  rows: readonly CellWarningView[];
  total: number;
  csvHref: string;
}) {
  const { t } = useTranslation("data");
  const translate = useMessage();
  return (
    <section aria-label={t("dataset.cellWarnings")}>
      <h2>{t("dataset.cellWarnings")}</h2>
      <p className="muted small">{t("dataset.cellWarningsIntro")}</p>
      <p>
        <a href={csvHref} download>
          {t("dataset.downloadWarnings", { n: formatInteger(total) })}
        </a>
      </p>
      <div className="scroll-x">
        <table className="data">
          <thead>
            <tr>
              <th>{t("dataset.line")}</th>
              <th>{t("dataset.column")}</th>
              <th>{t("dataset.value")}</th>
              <th>{t("dataset.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.id}>
                <td>{w.lineNumber}</td>
                <td>{w.column ?? "—"}</td>
                <td className="mono">{w.value}</td>
                <td>{translate(w.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
