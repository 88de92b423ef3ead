/**
 * Saves a report for the e2e specs (no save form on the analysis pages yet), through the
 * app's own createReport, as the workspace's first owner. Prints the report's id.
 *   tsx tests/e2e/create-report.ts <workspace-slug> <kind> <mode> <title> <params-json>
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import { schema } from "~/db.server";
import { createReport } from "~/reports/reports.server";

const [slug, kind, mode, title, params] = process.argv.slice(2);
const db = getDb();
const found = db
  .select({ workspaceId: schema.workspaces.id, userId: schema.memberships.userId })
  .from(schema.workspaces)
  .innerJoin(schema.memberships, eq(schema.memberships.workspaceId, schema.workspaces.id))
  .where(and(eq(schema.workspaces.slug, slug ?? ""), eq(schema.memberships.role, "owner")))
  .get();
if (!found) throw new Error(`No workspace ${slug} with an owner`);
const report = createReport(scopeTo(db, found.workspaceId), found.userId, {
  kind: kind as "campaign-roi",
  mode: mode as "live" | "snapshot",
  title: title ?? "Report",
  params: JSON.parse(params ?? "{}"),
});
process.stdout.write(String(report.id));
