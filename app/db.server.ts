/** The app's handle on the database; route modules import from here, never from db/ directly. */
export { getDb } from "#db/client";
export * as schema from "#db/schema";
export { scopeTo, type WorkspaceScope } from "#db/scoped";
