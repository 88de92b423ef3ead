/**
 * Saved reports of a workspace: create (freezing the page's data for a snapshot), list, find,
 * rename, edit the note, duplicate and delete. Every query goes through the workspace scope.
 */
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { reportModes } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { audit } from "~/audit.server";
import { schema } from "~/db.server";
import { paramsOfQuery, type ReportParams, toSearchParams } from "./kinds/report-kind.server";
import { reportKinds } from "./kinds.server";
import { REPORT_KINDS, type ReportKindId } from "./report-kinds";

export type Report = typeof schema.reports.$inferSelect;

export const ReportTitle = z
  .string()
  .trim()
  .min(1, "Give the report a title")
  .max(120, "Keep the title under 120 characters");
export const ReportNote = z.string().trim().max(2000, "Keep the note under 2,000 characters");

export const NewReportSchema = z.object({
  kind: z.enum(REPORT_KINDS, { message: "This page cannot be saved as a report" }),
  title: ReportTitle,
  note: ReportNote.default(""),
  mode: z.enum(reportModes, { message: "Choose snapshot or live" }),
  /** The page's search parameters, as the page's URL had them. */
  params: z.record(z.string(), z.unknown()).default({}),
});

/** Through JSON and back: a snapshot must look exactly as a loader's data does to the page. */
function frozen(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data));
}

export function createReport(
  scope: WorkspaceScope,
  userId: number,
  input: z.input<typeof NewReportSchema>,
): Report {
  const parsed = NewReportSchema.parse(input);
  const kind = reportKinds[parsed.kind];
  const params = kind.params.parse(parsed.params);
  const now = new Date();
  const report = scope.insert(schema.reports, {
    kind: parsed.kind,
    title: parsed.title,
    note: parsed.note,
    params,
    mode: parsed.mode,
    snapshot: parsed.mode === "snapshot" ? frozen(kind.build(scope, params)) : null,
    snapshotAt: parsed.mode === "snapshot" ? now : null,
    createdBy: userId,
  });
  audit({
    workspaceId: scope.workspaceId,
    actorUserId: userId,
    action: "report.create",
    target: String(report.id),
    details: { kind: parsed.kind, mode: parsed.mode },
  });
  return report;
}

/**
 * What the "Save as report" form sends: the page's query (`search`, as in the address bar)
 * plus route ids as `param.<name>` fields. The kind's own schema then keeps what it knows.
 */
export function newReportInput(form: FormData): z.input<typeof NewReportSchema> {
  const search = String(form.get("search") ?? "");
  const params: ReportParams = paramsOfQuery(new URLSearchParams(search.slice(0, 4000)));
  for (const [key, value] of form.entries())
    if (key.startsWith("param.") && typeof value === "string") params[key.slice(6)] = value;
  return {
    kind: String(form.get("kind") ?? "") as ReportKindId,
    title: String(form.get("title") ?? ""),
    note: String(form.get("note") ?? ""),
    mode: String(form.get("mode") ?? "") as Report["mode"],
    params,
  };
}

/** The page a report was saved from, with its parameters, under /w/:workspace. */
export function reportPagePath(slug: string, report: Pick<Report, "kind" | "params">): string {
  const kind = reportKindOf(report);
  if (!kind) return `/w/${slug}/reports`;
  const params = report.params as ReportParams;
  const query = toSearchParams(params);
  // Route ids (":run" in "segments/:run/channels") go in the path, not in the query.
  const path = reportKinds[kind].page.replace(/:(\w+)/g, (_, name: string) => {
    query.delete(name);
    return encodeURIComponent(String(params[name] ?? ""));
  });
  const text = query.toString();
  return `/w/${slug}/${path}${text ? `?${text}` : ""}`;
}

/** The workspace's reports, newest first, without their (possibly large) snapshots. */
export function listReports(scope: WorkspaceScope) {
  const r = schema.reports;
  return scope.db
    .select({
      createdBy: schema.users.name,
      id: r.id,
      kind: r.kind,
      title: r.title,
      note: r.note,
      mode: r.mode,
      snapshotAt: r.snapshotAt,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })
    .from(r)
    .leftJoin(schema.users, eq(schema.users.id, r.createdBy))
    .where(scope.where(r))
    .orderBy(desc(r.createdAt), desc(r.id))
    .all();
}

export function findReport(scope: WorkspaceScope, id: number): Report | undefined {
  return scope.first(schema.reports, eq(schema.reports.id, id));
}

export function updateReport(
  scope: WorkspaceScope,
  userId: number,
  id: number,
  changes: { title?: string; note?: string },
): boolean {
  const set = {
    ...(changes.title !== undefined ? { title: ReportTitle.parse(changes.title) } : {}),
    ...(changes.note !== undefined ? { note: ReportNote.parse(changes.note) } : {}),
    updatedAt: new Date(),
  };
  const changed = scope.update(schema.reports, set, eq(schema.reports.id, id)) > 0;
  if (changed)
    audit({
      workspaceId: scope.workspaceId,
      actorUserId: userId,
      action: "report.update",
      target: String(id),
      details: { fields: Object.keys(changes) },
    });
  return changed;
}

/** A copy with the same parameters and the same frozen data (a snapshot stays as it was). */
export function duplicateReport(
  scope: WorkspaceScope,
  userId: number,
  id: number,
): Report | undefined {
  const original = findReport(scope, id);
  if (!original) return undefined;
  const { id: _id, workspaceId: _w, createdAt: _c, updatedAt: _u, ...rest } = original;
  const copy = scope.insert(schema.reports, {
    ...rest,
    title: `${original.title} (copy)`.slice(0, 120),
    createdBy: userId,
  });
  audit({
    workspaceId: scope.workspaceId,
    actorUserId: userId,
    action: "report.duplicate",
    target: String(copy.id),
    details: { from: id },
  });
  return copy;
}

/** Deletes a report with its share links and deliveries (foreign keys cascade). */
export function deleteReport(scope: WorkspaceScope, userId: number, id: number): boolean {
  const deleted = scope.delete(schema.reports, eq(schema.reports.id, id)) > 0;
  if (deleted)
    audit({
      workspaceId: scope.workspaceId,
      actorUserId: userId,
      action: "report.delete",
      target: String(id),
    });
  return deleted;
}

export function reportKindOf(report: Pick<Report, "kind">): ReportKindId | null {
  return (REPORT_KINDS as readonly string[]).includes(report.kind)
    ? (report.kind as ReportKindId)
    : null;
}
