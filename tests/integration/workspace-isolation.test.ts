/**
 * Tenant isolation: a member of workspace A gets 404 for every workspace route of B,
 * for loaders and actions alike. The routes are discovered from app/routes, so a new
 * workspace route is covered without touching this test.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { cookieFor, requestAs, settle } from "../helpers/session";
import { setUpTestDb } from "../helpers/test-db";

setUpTestDb();

const routesDir = path.resolve("app/routes");
const workspaceRoutes = fs
  .readdirSync(routesDir)
  .filter((f) => f.startsWith("w.$workspace") && /\.tsx?$/.test(f))
  .sort();

/** `w.$workspace.members.tsx` → `/w/<slug>/members`; extra `$param` segments get `id`. */
function urlFor(file: string, slug: string, id: string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .split(".")
    .filter((s) => s !== "_index" && !s.startsWith("_"));
  return `/${segments.map((s) => (s === "$workspace" ? slug : s.startsWith("$") ? id : s)).join("/")}`;
}

function paramsFor(file: string, slug: string, id: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const s of file.replace(/\.tsx?$/, "").split(".")) {
    if (s === "$workspace") params.workspace = slug;
    else if (s.startsWith("$")) params[s.slice(1)] = id;
  }
  return params;
}

let cookieA = "";
let cookieB = "";
const slugB = "bravo";

beforeAll(async () => {
  const alice = await createUser({
    email: "alice@a.test",
    name: "Alice",
    password: "correct horse battery",
  });
  const bob = await createUser({
    email: "bob@b.test",
    name: "Bob",
    password: "correct horse battery",
  });
  createWorkspace({ slug: "alpha", name: "Alpha" }, alice);
  createWorkspace({ slug: slugB, name: "Bravo" }, bob);
  cookieA = await cookieFor(alice.id);
  cookieB = await cookieFor(bob.id);
});

describe("workspace isolation", () => {
  it("finds the workspace routes to walk", () => {
    expect(workspaceRoutes.length).toBeGreaterThanOrEqual(12);
  });

  for (const file of workspaceRoutes) {
    it(`${file}: a member of another workspace gets 404`, async () => {
      const mod = await import(/* @vite-ignore */ path.join(routesDir, file));
      const params = paramsFor(file, slugB, "1");
      const url = urlFor(file, slugB, "1");
      expect(mod.loader ?? mod.action, "route has a loader or an action").toBeTruthy();
      if (mod.loader) {
        const own = await settle(() =>
          mod.loader({ request: requestAs(cookieB, url), params, context: {} }),
        );
        expect(own.status, "the owner can load it (so the 404 below means something)").not.toBe(
          404,
        );
        const other = await settle(() =>
          mod.loader({ request: requestAs(cookieA, url), params, context: {} }),
        );
        expect(other.status).toBe(404);
      }
      if (mod.action) {
        const body = new URLSearchParams({ intent: "delete", confirm: slugB });
        const other = await settle(() =>
          mod.action({
            request: requestAs(cookieA, url, { method: "POST", body }),
            params,
            context: {},
          }),
        );
        expect(other.status).toBe(404);
      }
    });
  }

  it("asks anonymous visitors to log in instead of revealing anything", async () => {
    const mod = await import("~/routes/w.$workspace._index");
    const result = await settle(() =>
      mod.loader({
        request: new Request(`http://localhost/w/${slugB}`),
        params: { workspace: slugB },
        context: {},
      } as never),
    );
    expect(result.status).toBe(302);
  });
});
