/**
 * Workspaces, members and roles. `requireWorkspace` is the single gate every workspace
 * route passes through: it answers 404 to anyone who is not a member (so the existence of
 * another tenant's workspace is not revealed) and 403 to a member whose role is too low.
 */
import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Role, roles } from "#db/roles";
import { type ProcessingBasis, processingBases } from "#db/schema";
import { afterDataChanged } from "#jobs/after-data-changed";
import { uploadDir } from "~/ingest/upload.server";
import { audit } from "./audit.server";
import { getDb, schema, scopeTo, type WorkspaceScope } from "./db.server";
import { message } from "./i18n/message";
import { requireUser } from "./session.server";
import { findUserByEmail, type PublicUser } from "./users.server";

const rank: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

export function roleAllows(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed];
}

export const SlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "Use 1–40 letters, digits or dashes");

export const NewWorkspaceSchema = z.object({
  slug: SlugSchema,
  name: z.string().trim().min(1, "Enter a name").max(100),
});

export type Workspace = typeof schema.workspaces.$inferSelect;

export interface WorkspaceAccess {
  user: PublicUser;
  workspace: Workspace;
  role: Role;
  scope: WorkspaceScope;
}

export function notFound(): Response {
  return new Response("Not found", { status: 404, statusText: "Not Found" });
}

export function findMembership(slug: string, userId: number) {
  return getDb()
    .select({ workspace: schema.workspaces, role: schema.memberships.role })
    .from(schema.workspaces)
    .innerJoin(schema.memberships, eq(schema.memberships.workspaceId, schema.workspaces.id))
    .where(and(eq(schema.workspaces.slug, slug), eq(schema.memberships.userId, userId)))
    .get();
}

export async function requireWorkspace(
  request: Request,
  params: LoaderFunctionArgs["params"],
  needed: Role = "viewer",
): Promise<WorkspaceAccess> {
  const user = await requireUser(request);
  const slug = params.workspace;
  const found = slug ? findMembership(slug, user.id) : undefined;
  if (!found) throw notFound();
  if (!roleAllows(found.role, needed)) {
    throw new Response(`This needs the ${needed} role`, { status: 403, statusText: "Forbidden" });
  }
  return {
    user,
    workspace: found.workspace,
    role: found.role,
    scope: scopeTo(getDb(), found.workspace.id),
  };
}

export class WorkspaceError extends Error {}

export function createWorkspace(input: z.input<typeof NewWorkspaceSchema>, owner: PublicUser) {
  const { slug, name } = NewWorkspaceSchema.parse(input);
  const db = getDb();
  return db.transaction((tx) => {
    const taken = tx
      .select({ id: schema.workspaces.id })
      .from(schema.workspaces)
      .where(eq(schema.workspaces.slug, slug))
      .get();
    if (taken) throw new WorkspaceError(message("workspace:errors.slugTaken", { slug }));
    const workspace = tx.insert(schema.workspaces).values({ slug, name }).returning().get();
    tx.insert(schema.memberships)
      .values({ workspaceId: workspace.id, userId: owner.id, role: "owner" })
      .run();
    tx.insert(schema.auditLog)
      .values({
        workspaceId: workspace.id,
        actorUserId: owner.id,
        action: "workspace.created",
        target: `workspace:${workspace.id}`,
      })
      .run();
    return workspace;
  });
}

export function listWorkspacesOf(userId: number) {
  return getDb()
    .select({
      id: schema.workspaces.id,
      slug: schema.workspaces.slug,
      name: schema.workspaces.name,
      role: schema.memberships.role,
      createdAt: schema.workspaces.createdAt,
    })
    .from(schema.memberships)
    .innerJoin(schema.workspaces, eq(schema.memberships.workspaceId, schema.workspaces.id))
    .where(eq(schema.memberships.userId, userId))
    .orderBy(asc(schema.workspaces.name))
    .all();
}

export function listAllWorkspaces() {
  return getDb()
    .select({
      id: schema.workspaces.id,
      slug: schema.workspaces.slug,
      name: schema.workspaces.name,
      members: sql<number>`(select count(*) from memberships m where m.workspace_id = ${schema.workspaces.id})`,
    })
    .from(schema.workspaces)
    .orderBy(asc(schema.workspaces.slug))
    .all();
}

export function listMembers(access: WorkspaceAccess) {
  return getDb()
    .select({
      userId: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      role: schema.memberships.role,
      since: schema.memberships.createdAt,
    })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.memberships.userId, schema.users.id))
    .where(access.scope.where(schema.memberships))
    .orderBy(asc(schema.users.email))
    .all();
}

export const InviteSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email(message("workspace:errors.invalidEmail"))),
  role: z.enum(roles),
});

export const MemberActionSchema = z.discriminatedUnion("intent", [
  InviteSchema.extend({ intent: z.literal("invite") }),
  z.object({ intent: z.literal("role"), userId: z.coerce.number().int(), role: z.enum(roles) }),
  z.object({ intent: z.literal("remove"), userId: z.coerce.number().int() }),
]);

/** Adds an existing user to the workspace (there is no e-mail sending in this app). */
export function inviteMember(access: WorkspaceAccess, input: z.input<typeof InviteSchema>) {
  const { email, role } = InviteSchema.parse(input);
  const invitee = findUserByEmail(email);
  if (!invitee) {
    throw new WorkspaceError(message("workspace:errors.noAccount", { email }));
  }
  const existing = access.scope.first(
    schema.memberships,
    eq(schema.memberships.userId, invitee.id),
  );
  if (existing)
    throw new WorkspaceError(
      message("workspace:errors.alreadyMember", { email, role: existing.role }),
    );
  access.scope.insert(schema.memberships, { userId: invitee.id, role });
  audit({
    workspaceId: access.workspace.id,
    actorUserId: access.user.id,
    action: "member.added",
    target: `user:${invitee.id}`,
    details: { role },
  });
  return invitee;
}

function ownerCount(access: WorkspaceAccess): number {
  return access.scope.select(schema.memberships, eq(schema.memberships.role, "owner")).length;
}

export function changeMemberRole(access: WorkspaceAccess, userId: number, role: Role) {
  const member = access.scope.first(schema.memberships, eq(schema.memberships.userId, userId));
  if (!member) throw notFound();
  if (member.role === "owner" && role !== "owner" && ownerCount(access) === 1) {
    throw new WorkspaceError(message("workspace:errors.lastOwner"));
  }
  access.scope.update(schema.memberships, { role }, eq(schema.memberships.userId, userId));
  audit({
    workspaceId: access.workspace.id,
    actorUserId: access.user.id,
    action: "member.role_changed",
    target: `user:${userId}`,
    details: { from: member.role, to: role },
  });
}

export function removeMember(access: WorkspaceAccess, userId: number) {
  const member = access.scope.first(schema.memberships, eq(schema.memberships.userId, userId));
  if (!member) throw notFound();
  if (member.role === "owner" && ownerCount(access) === 1) {
    throw new WorkspaceError(message("workspace:errors.lastOwner"));
  }
  access.scope.delete(schema.memberships, eq(schema.memberships.userId, userId));
  audit({
    workspaceId: access.workspace.id,
    actorUserId: access.user.id,
    action: "member.removed",
    target: `user:${userId}`,
  });
}

export const ProcessingBasisSchema = z.enum(processingBases, {
  message: message("workspace:errors.chooseBasis"),
});

/**
 * Sets the legal basis for analytics (who is analysed; see customers/analysable.server.ts).
 * A change is audited with the old and new basis, and the workspace's RFM segments are
 * computed again at once (not at the next hourly recompute), since their members change.
 * `actorUserId` null = the command line.
 */
export function setProcessingBasis(
  scope: WorkspaceScope,
  basis: ProcessingBasis,
  actorUserId: number | null,
): Workspace {
  const { db, workspaceId } = scope;
  const byId = eq(schema.workspaces.id, workspaceId);
  const changed = db.transaction((tx) => {
    const before = tx.select().from(schema.workspaces).where(byId).get();
    if (!before) throw new WorkspaceError(`No workspace #${workspaceId}`);
    if (before.processingBasis === basis) return { workspace: before, auditId: undefined };
    const workspace = tx
      .update(schema.workspaces)
      .set({ processingBasis: basis })
      .where(byId)
      .returning()
      .get();
    const entry = tx
      .insert(schema.auditLog)
      .values({
        workspaceId,
        actorUserId,
        action: "workspace.processing_basis_changed",
        target: `workspace:${workspaceId}`,
        details: { from: before.processingBasis, to: basis, via: actorUserId ? "settings" : "cli" },
      })
      .returning({ id: schema.auditLog.id })
      .get();
    return { workspace, auditId: entry.id };
  });
  if (changed.auditId !== undefined)
    afterDataChanged(scope, new Date(), `recompute:rfm:${workspaceId}:basis:${changed.auditId}`, {
      removesPeople: true,
    });
  return changed.workspace;
}

export function deleteWorkspace(access: WorkspaceAccess) {
  getDb().delete(schema.workspaces).where(eq(schema.workspaces.id, access.workspace.id)).run();
  // Uploads not imported (or failed) are copies of customer data: they go with the workspace.
  fs.rmSync(uploadDir(access.workspace.id), { recursive: true, force: true });
  audit({
    actorUserId: access.user.id,
    action: "workspace.deleted",
    target: `workspace:${access.workspace.id}`,
    details: { slug: access.workspace.slug },
  });
}
