import { getDb, schema } from "./db.server";

/** Records who did what. Never pass customers' personal data in `details`. */
export function audit(entry: {
  workspaceId?: number | null;
  actorUserId?: number | null;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}): void {
  getDb()
    .insert(schema.auditLog)
    .values({
      workspaceId: entry.workspaceId ?? null,
      actorUserId: entry.actorUserId ?? null,
      action: entry.action,
      target: entry.target ?? null,
      details: entry.details ?? null,
    })
    .run();
}
