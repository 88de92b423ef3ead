/**
 * A saved report: its title, note, whether it is a snapshot or live, its parameters in words,
 * the page's own charts and tables (interactive: tooltips, legends that toggle series), and
 * its exports. The print stylesheet (app/styles.css) hides the links and buttons, so the
 * browser's "Save as PDF" gives a clean document.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChartDownloads } from "~/components/charts/ClientOnly";
import { paramsInWords, planChannelsOf } from "~/reports/params-in-words";
import { isReportKind } from "~/reports/report-kinds";
import { ReportBody } from "./ReportBody";
import { useReportKindLabel } from "./report-kind-label";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2 Dec 2026 14:03 UTC": the same text on the server and in the browser. */
export function formatTakenAt(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  const time = d.toISOString().slice(11, 16);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} UTC`;
}

interface Props {
  report: { id: number; title: string; note: string; mode: "snapshot" | "live" };
  view: {
    kind: string;
    takenAt: string;
    params: Record<string, string | string[]>;
    data: unknown;
  } | null;
  personal: boolean;
  pagePath: string;
  base: string;
  tables: { name: string; rows: number }[];
  canEdit: boolean;
}

export function ReportPageView({ report, view, personal, pagePath, base, tables, canEdit }: Props) {
  const { t } = useTranslation("reports");
  const kindLabel = useReportKindLabel();
  const words = view ? paramsInWords(t, view.params, planChannelsOf(view.kind, view.data)) : [];
  return (
    <article className="report">
      <p className="small no-print">
        <Link to=".." relative="path">
          {t("page.back")}
        </Link>
      </p>
      <header className="report-head">
        <h1>{report.title}</h1>
        {report.note ? <p className="report-note">{report.note}</p> : null}
        <p className="small" data-testid="report-mode">
          {isReportKind(view?.kind) ? `${kindLabel(view.kind)} · ` : ""}
          {view
            ? report.mode === "snapshot"
              ? t("page.snapshotTaken", { date: formatTakenAt(view.takenAt) })
              : t("page.live", { date: formatTakenAt(view.takenAt) })
            : ""}
        </p>
        <p className="small muted" data-testid="report-params">
          {words.length > 0 ? words.join(" · ") : t("page.noParams")}
        </p>
      </header>
      <nav className="row no-print" aria-label={t("page.actions")}>
        <Link to={pagePath}>{t("page.openPage")}</Link>
        <Link to={`${base}/delivery`}>{t("page.email")}</Link>
        {personal ? (
          <span className="muted small">{t("page.notShareable")}</span>
        ) : canEdit ? (
          <Link to={`${base}/share`}>{t("page.share")}</Link>
        ) : null}
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t("page.print")}
        </button>
      </nav>
      {tables.length > 0 ? (
        <p className="row no-print small" data-testid="csv-downloads">
          {t("page.tablesCsv")}
          {tables.map((table) => (
            <a key={table.name} href={`${base}/${encodeURIComponent(table.name)}.csv`} download>
              {t("page.rows", { name: table.name, count: table.rows })}
            </a>
          ))}
        </p>
      ) : null}
      {view ? (
        <ChartDownloads.Provider value={report.title}>
          <section className="report-body">
            <ReportBody view={view as Parameters<typeof ReportBody>[0]["view"]} />
          </section>
        </ChartDownloads.Provider>
      ) : (
        <p className="form-error" role="alert">
          {t("page.unavailable")}
        </p>
      )}
    </article>
  );
}
