/**
 * A saved report: its title, note, whether it is a snapshot or live, its parameters in words,
 * the page's own charts and tables (interactive: tooltips, legends that toggle series), and
 * its exports. The print stylesheet (app/styles.css) hides the links and buttons, so the
 * browser's "Save as PDF" gives a clean document.
 */
import { Link } from "@remix-run/react";
import { ChartDownloads } from "~/components/charts/ClientOnly";
import { paramsInWords } from "~/reports/params-in-words";
import { isReportKind, reportKindLabels } from "~/reports/report-kinds";
import { ReportBody } from "./ReportBody";

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
  const words = view ? paramsInWords(view.params) : [];
  return (
    <article className="report">
      <p className="small no-print">
        <Link to=".." relative="path">
          ← Reports
        </Link>
      </p>
      <header className="report-head">
        <h1>{report.title}</h1>
        {report.note ? <p className="report-note">{report.note}</p> : null}
        <p className="small" data-testid="report-mode">
          {isReportKind(view?.kind) ? `${reportKindLabels[view.kind]} · ` : ""}
          {view
            ? report.mode === "snapshot"
              ? `Snapshot taken ${formatTakenAt(view.takenAt)}`
              : `Live: recomputed on view within the saved parameters (figures as of ${formatTakenAt(view.takenAt)})`
            : ""}
        </p>
        <p className="small muted" data-testid="report-params">
          {words.length > 0 ? words.join(" · ") : "No parameters: the page as it opens by default."}
        </p>
      </header>
      <nav className="row no-print" aria-label="Report actions">
        <Link to={pagePath}>Open the page it came from</Link>
        <Link to={`${base}/delivery`}>E-mail on a schedule</Link>
        {personal ? (
          <span className="muted small">
            Not shareable by link: its page shows individual customers.
          </span>
        ) : canEdit ? (
          <Link to={`${base}/share`}>Share</Link>
        ) : null}
        <button type="button" className="secondary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </nav>
      {tables.length > 0 ? (
        <p className="row no-print small" data-testid="csv-downloads">
          Tables as CSV:
          {tables.map((t) => (
            <a key={t.name} href={`${base}/${encodeURIComponent(t.name)}.csv`} download>
              {t.name} ({t.rows} rows)
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
          This kind of report is no longer available, so it cannot be shown.
        </p>
      )}
    </article>
  );
}
