/**
 * The Customers pages and consent: a person without data-processing consent is shown to
 * owners only, who ask for it explicitly (list) — never to an editor or viewer, whatever
 * the URL says (`?all=1`, or a profile id typed in).
 */
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import * as listPage from "~/routes/w.$workspace.customers._index";
import * as customerPage from "~/routes/w.$workspace.customers.$customer";
import { createUser } from "~/users.server";
import { createWorkspace, inviteMember } from "~/workspace.server";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";

const { db } = setUpTestDb();
const params = { workspace: "consent-pages" };
const cookies = { owner: "", editor: "", viewer: "" };
let consented = 0;
let unconsented = 0;
let workspaceId = 0;

beforeAll(async () => {
  const password = "correct horse battery";
  const owner = await createUser({ email: "o@c.test", name: "O", password });
  const editor = await createUser({ email: "e@c.test", name: "E", password });
  const viewer = await createUser({ email: "v@c.test", name: "V", password });
  const workspace = createWorkspace({ slug: params.workspace, name: "Consent" }, owner);
  workspaceId = workspace.id;
  const scope = scopeTo(db, workspace.id);
  const access = { user: owner, workspace, role: "owner" as const, scope };
  inviteMember(access, { email: "e@c.test", role: "editor" });
  inviteMember(access, { email: "v@c.test", role: "viewer" });
  consented = scope.insert(schema.customers, { name: "Ayşe Yes", consentDataProcessing: true }).id;
  unconsented = scope.insert(schema.customers, {
    name: "Mehmet No",
    consentDataProcessing: false,
  }).id;
  cookies.owner = await cookieFor(owner.id);
  cookies.editor = await cookieFor(editor.id);
  cookies.viewer = await cookieFor(viewer.id);
});

async function listAs(who: keyof typeof cookies, query: string) {
  const request = requestAs(cookies[who], `/w/${params.workspace}/customers${query}`);
  const { body } = await settle(() =>
    listPage.loader({ request, params, context: { clientAddress: "127.0.0.1" } }),
  );
  return body as Awaited<ReturnType<typeof listPage.loader>>;
}

async function profileStatus(who: keyof typeof cookies, id: number) {
  const request = requestAs(cookies[who], `/w/${params.workspace}/customers/${id}`);
  const routeParams = { ...params, customer: String(id) };
  return (
    await settle(() =>
      customerPage.loader({
        request,
        params: routeParams,
        context: { clientAddress: "127.0.0.1" },
      }),
    )
  ).status;
}

const names = (page: Awaited<ReturnType<typeof listPage.loader>>) =>
  page.customers.map((customer) => customer.name);

describe("customers without consent", () => {
  it("are listed for an owner who asks, and only then", async () => {
    expect(names(await listAs("owner", ""))).toEqual(["Ayşe Yes"]);
    const all = await listAs("owner", "?all=1");
    expect(all).toMatchObject({ includeUnconsented: true, canIncludeUnconsented: true });
    expect(names(all).sort()).toEqual(["Ayşe Yes", "Mehmet No"]);
  });

  it("are not listed for an editor or a viewer, even with ?all=1", async () => {
    for (const who of ["editor", "viewer"] as const) {
      const page = await listAs(who, "?all=1");
      expect(page).toMatchObject({ includeUnconsented: false, canIncludeUnconsented: false });
      expect(names(page)).toEqual(["Ayşe Yes"]);
    }
  });

  it("have a profile page for the owner only; others get a 404 as for a missing id", async () => {
    expect(await profileStatus("owner", unconsented)).toBe(200);
    expect(await profileStatus("editor", unconsented)).toBe(404);
    expect(await profileStatus("viewer", unconsented)).toBe(404);
    expect(await profileStatus("viewer", consented)).toBe(200);
  });
});

describe("erasing from the profile page", () => {
  async function eraseAs(who: keyof typeof cookies, id: number) {
    const request = requestAs(cookies[who], `/w/${params.workspace}/customers/${id}`, {
      method: "POST",
    });
    const { body } = await settle(() =>
      customerPage.action({
        request,
        params: { ...params, customer: String(id) },
        context: { clientAddress: "127.0.0.1" },
      }),
    );
    return (body as Response).headers.get("Location");
  }

  function newCustomer(name: string): number {
    return scopeTo(db, workspaceId).insert(schema.customers, { name, consentDataProcessing: true })
      .id;
  }

  it("confirms on the list, and says so when readers kept old copies in the WAL file", async () => {
    const location = await eraseAs("editor", newCustomer("Can Sil"));
    expect(location).toBe(`/w/${params.workspace}/customers?erased=1`);
    expect((await listAs("editor", "?erased=1")).erased).toBe("1");

    // Another connection in the middle of a read keeps the log from being emptied.
    const reader = new Database(db.$client.name, { readonly: true });
    try {
      reader.exec("BEGIN");
      reader.prepare("SELECT count(*) FROM customers").get();
      const pending = await eraseAs("editor", newCustomer("Deniz Sil"));
      expect(pending).toBe(`/w/${params.workspace}/customers?erased=wal`);
    } finally {
      reader.close();
    }
    expect((await listAs("editor", "?erased=wal")).erased).toBe("wal");
    expect((await listAs("editor", "?erased=<script>")).erased).toBeNull();
    expect(names(await listAs("owner", "?all=1"))).not.toContain("Deniz Sil");
  });
});
