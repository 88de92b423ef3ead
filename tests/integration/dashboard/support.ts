/** A bare workspace for the dashboard's figure tests, and its scope. */
import type { Db } from "#db/client";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";

export function addWorkspace(db: Db, slug: string) {
  const workspace = db.insert(schema.workspaces).values({ slug, name: slug }).returning().get();
  return { workspace, scope: scopeTo(db, workspace.id) };
}
