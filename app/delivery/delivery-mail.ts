/**
 * The e-mail of one delivery run, as data (no sending): subject, a plain-text and an HTML
 * body, and the CSV attachments. Every piece of user text (title, note, table names) is
 * escaped in the HTML: report titles are typed by users and the mail is opened by others.
 */
import { csvLines } from "~/customers/csv";
import type { ReportTable } from "~/reports/report-table";

export interface DeliveryMailInput {
  workspaceName: string;
  title: string;
  note: string;
  kindLabel: string;
  /** ISO time the figures were taken. */
  takenAt: string;
  /** e.g. "2025-03-01 to 2025-03-31", or null when the report has no date range. */
  period: string | null;
  tables: ReportTable[];
  /** The link to open the report, or why there is none. */
  link: { url: string; days: number } | { unavailable: string };
  attachCsv: boolean;
}

export interface DeliveryMail {
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: string; contentType: string }[];
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** The same bytes as the page's CSV export: BOM, CRLF, formula-safe text cells. */
export function reportTableCsv(table: ReportTable): string {
  return [...csvLines(table.columns, table.rows, (row) => row)].join("");
}

/** A file name from user text: letters and digits of any script kept, the rest dashes. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "report";
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "Campaign ROI · 2025-03-01 to 2025-03-31 · figures-by-channel: 3 rows" */
export function summaryLine(input: DeliveryMailInput): string {
  const tables = input.tables.map((t) => `${t.name}: ${plural(t.rows.length, "row")}`);
  return [input.kindLabel, input.period, ...tables].filter(Boolean).join(" · ");
}

/** Subject lines are one line: a title cannot add headers (nodemailer encodes, we also fold). */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, " ").trim();

export function buildDeliveryMail(input: DeliveryMailInput): DeliveryMail {
  const subject = oneLine(`${input.title} — ${input.workspaceName} (Channelscope report)`);
  const taken = `Figures as of ${input.takenAt.replace("T", " ").slice(0, 16)} UTC`;
  const summary = summaryLine(input);
  const linkText =
    "url" in input.link
      ? `Open the report: ${input.link.url}\n(This link works until the next e-mail replaces it, at most ${input.link.days} days.)`
      : `The link to this report is not available (${input.link.unavailable}). Ask the workspace's editors for access.`;
  const attachments = input.attachCsv
    ? input.tables.map((table) => ({
        filename: `${fileSlug(input.title)}-${fileSlug(table.name)}.csv`,
        content: reportTableCsv(table),
        contentType: "text/csv; charset=utf-8",
      }))
    : [];
  const attachedText =
    attachments.length > 0
      ? `Attached: ${attachments.map((a) => a.filename).join(", ")}`
      : "No CSV attached.";
  const text = [
    input.title,
    input.note || null,
    "",
    taken,
    summary,
    "",
    linkText,
    "",
    attachedText,
    "",
    `Sent by Channelscope for the workspace ${input.workspaceName}.`,
  ]
    .filter((line) => line !== null)
    .join("\n");

  const e = escapeHtml;
  const linkHtml =
    "url" in input.link
      ? `<p><a href="${e(input.link.url)}">Open the report</a></p><p style="color:#555;font-size:12px">This link works until the next e-mail replaces it, at most ${input.link.days} days.</p>`
      : `<p>The link to this report is not available (${e(input.link.unavailable)}). Ask the workspace's editors for access.</p>`;
  const html = [
    "<!doctype html>",
    '<html><body style="font-family:sans-serif">',
    `<h1 style="font-size:20px">${e(input.title)}</h1>`,
    input.note ? `<p>${e(input.note)}</p>` : "",
    `<p style="color:#555">${e(taken)}</p>`,
    `<p>${e(summary)}</p>`,
    linkHtml,
    `<p style="color:#555;font-size:12px">${e(attachedText)}</p>`,
    `<p style="color:#555;font-size:12px">Sent by Channelscope for the workspace ${e(input.workspaceName)}.</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html, attachments };
}
