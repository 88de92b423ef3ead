import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/StatusBadge";
import { formatDateTime, formatInteger } from "~/format";
import { useMessage } from "~/i18n/message";
import { formatMs } from "./format";

export interface RunRow {
  id: number;
  sourceName: string;
  trigger: string;
  status: string;
  startedAt: string;
  durationMs: number | null;
  pagesFetched: number;
  observationsWritten: number;
  error: string | null;
}

/** The history of runs: when, how long, how many pages and values, and what went wrong. */
export function RunsTable({ runs }: { runs: RunRow[] }) {
  const { t } = useTranslation("scraping");
  const translate = useMessage();
  if (runs.length === 0) return <p className="muted">{t("runsTable.none")}</p>;
  return (
    <div className="scroll-x">
      <table className="data" aria-label={t("runsTable.label")}>
        <thead>
          <tr>
            <th>{t("runsTable.source")}</th>
            <th>{t("runsTable.started")}</th>
            <th>{t("runsTable.trigger")}</th>
            <th>{t("runsTable.status")}</th>
            <th>{t("runsTable.duration")}</th>
            <th>{t("runsTable.pages")}</th>
            <th>{t("runsTable.valuesWritten")}</th>
            <th>{t("runsTable.error")}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>{r.sourceName}</td>
              <td>{formatDateTime(r.startedAt)}</td>
              <td>{t(`runsTable.triggers.${r.trigger}`, { defaultValue: r.trigger })}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>{formatMs(r.durationMs)}</td>
              <td>{formatInteger(r.pagesFetched)}</td>
              <td>{formatInteger(r.observationsWritten)}</td>
              <td className="small">{translate(r.error)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
