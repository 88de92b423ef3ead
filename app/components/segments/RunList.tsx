import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { humanLabels } from "~/components/labels";
import { StatusBadge } from "~/components/StatusBadge";
import { formatDateTime, formatDay, formatInteger } from "~/format";
import type { RunSummary } from "~/segments/run-access.server";

function describeParams(t: TFunction, run: Pick<RunSummary, "kind" | "params">): string {
  const p = run.params;
  if (run.kind === "rfm") {
    return p.asOf ? t("runs.asOf", { day: formatDay(String(p.asOf)) }) : t("runs.asOfDefault");
  }
  const features = Array.isArray(p.features) ? humanLabels(p.features.map(String), "") : "";
  const k = typeof p.k === "number" ? `k = ${p.k}` : t("runs.kBySilhouette");
  return `${features} · ${k}`;
}

/** The workspace's analysis runs, newest first. */
export function RunList({ runs, segmentsPath }: { runs: RunSummary[]; segmentsPath: string }) {
  const { t } = useTranslation("segments");
  if (runs.length === 0) return <p className="muted">{t("runs.none")}</p>;
  return (
    <div className="scroll-x">
      <table className="data" aria-label={t("runs.table")}>
        <thead>
          <tr>
            <th>{t("runs.run")}</th>
            <th>{t("runs.kind")}</th>
            <th>{t("runs.started")}</th>
            <th>{t("runs.status")}</th>
            <th>{t("runs.segmentsK")}</th>
            <th>{t("runs.customers")}</th>
            <th>{t("runs.excluded")}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>
                <Link to={`${segmentsPath}/${run.id}`}>#{run.id}</Link>
              </td>
              <td>
                {t(`runs.kinds.${run.kind}`, { defaultValue: run.kind })}
                <div className="muted small">{describeParams(t, run)}</div>
              </td>
              <td>
                {formatDateTime(run.createdAt)}
                {run.finishedAt ? (
                  <div className="muted small">
                    {t("runs.finished", { at: formatDateTime(run.finishedAt) })}
                  </div>
                ) : null}
              </td>
              <td>
                <StatusBadge status={run.status} />
                {run.error ? <div className="form-error small">{run.error}</div> : null}
              </td>
              <td>{run.segments ?? "—"}</td>
              <td>{formatInteger(run.customers)}</td>
              <td>{formatInteger(run.excludedWithoutConsent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
