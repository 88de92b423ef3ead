import { eq } from "drizzle-orm";
import { z } from "zod";
import { eraseCustomer } from "~/customers/erase.server";
import { getDb, schema, scopeTo } from "~/db.server";
import type { Command } from "../command";

/** The workspace named by --workspace (its slug), or a message naming the list command. */
export function workspaceIdBySlug(slug: string): number {
  const found = getDb()
    .select({ id: schema.workspaces.id })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.slug, slug))
    .get();
  if (!found) throw new Error(`No workspace "${slug}"; see "workspace list"`);
  return found.id;
}

const WAL_NOT_CHECKPOINTED =
  "The database's write-ahead log (the -wal file) still holds the erased values: other connections were reading. Run PRAGMA wal_checkpoint(TRUNCATE) on the database later, or restart the app.";

export const customerErase: Command = {
  name: "customer erase",
  usage: "--workspace S --id X   (X: a customer id from any source, or #<internal id>)",
  options: { workspace: { type: "string" }, id: { type: "string" } },
  run(flags) {
    const args = z.object({ workspace: z.string(), id: z.string().trim().min(1) }).parse(flags);
    const workspaceId = workspaceIdBySlug(args.workspace);
    const internal = /^#(\d+)$/.exec(args.id);
    const target = internal ? { customerId: Number(internal[1]) } : { externalId: args.id };
    // The CLI is the operator's tool, so no user is recorded as the actor.
    const { removed, redacted, walCheckpointed } = eraseCustomer(
      scopeTo(getDb(), workspaceId),
      target,
    );
    const result = { erased: true, removed, redacted, walCheckpointed };
    return walCheckpointed ? result : { ...result, note: WAL_NOT_CHECKPOINTED };
  },
};
