/**
 * What goes with a workspace, and what pages may see of jobs: uploads left on disk (not
 * imported, or failed) are deleted with their workspace, and a job id of another
 * workspace reads as missing.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { enqueue, getJob, getWorkspaceJob } from "#jobs/queue";
import { uploadDir } from "~/ingest/upload.server";
import { createUser } from "~/users.server";
import { createWorkspace, deleteWorkspace } from "~/workspace.server";
import { setUpTestDb } from "../helpers/test-db";

const { db } = setUpTestDb();

async function workspaceOf(slug: string) {
  const user = await createUser({
    email: `${slug}@w.test`,
    name: slug,
    password: "long enough pw",
  });
  const workspace = createWorkspace({ slug, name: slug }, user);
  return { user, workspace, role: "owner" as const, scope: scopeTo(db, workspace.id) };
}

describe("deleting a workspace", () => {
  it("removes its stored uploads and leaves other workspaces' alone", async () => {
    const gone = await workspaceOf("gone");
    const kept = await workspaceOf("kept");
    for (const access of [gone, kept]) {
      fs.mkdirSync(uploadDir(access.workspace.id), { recursive: true });
      fs.writeFileSync(path.join(uploadDir(access.workspace.id), "abc.csv"), "id,email\n1,a@b.c\n");
    }
    deleteWorkspace(gone);
    expect(fs.existsSync(uploadDir(gone.workspace.id))).toBe(false);
    expect(fs.readdirSync(uploadDir(kept.workspace.id))).toEqual(["abc.csv"]);
  });
});

describe("getWorkspaceJob", () => {
  it("finds a job of the workspace, and not another workspace's", async () => {
    const a = await workspaceOf("jobs-a");
    const b = await workspaceOf("jobs-b");
    const id = enqueue(db, { kind: "segment-run", payload: {}, workspaceId: a.workspace.id });
    expect(getWorkspaceJob(scopeTo(db, a.workspace.id), id)?.id).toBe(id);
    expect(getWorkspaceJob(scopeTo(db, b.workspace.id), id)).toBeUndefined();
    expect(getJob(db, id)?.workspaceId).toBe(a.workspace.id);
  });
});
