/** The Data page's upload form: a kind, then the file streamed to disk as a dataset. */
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import * as dataPage from "~/routes/w.$workspace.data._index";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { english } from "../../helpers/english";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";

const { db } = setUpTestDb();
const params = { workspace: "uploads" };
let cookie = "";
let scope: ReturnType<typeof scopeTo>;

beforeAll(async () => {
  const owner = await createUser({ email: "u@u.test", name: "U", password: "long enough pw" });
  scope = scopeTo(db, createWorkspace({ slug: params.workspace, name: "Uploads" }, owner).id);
  cookie = await cookieFor(owner.id);
});

function upload(kind: string) {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", new Blob(["code,name,price\nP1,Tea,1.00\n"]), "products.csv");
  const request = requestAs(cookie, `/w/${params.workspace}/data`, { method: "POST", body: form });
  return settle(() =>
    dataPage.action({ request, params, context: { clientAddress: "127.0.0.1" } }),
  );
}

describe("uploading on the Data page", () => {
  it("stores the file as a dataset of the chosen kind and opens it", async () => {
    const { status, body } = await upload("products");
    expect(status).toBe(302);
    const [dataset] = scope.select(schema.datasets);
    expect(dataset).toMatchObject({ kind: "products", fileName: "products.csv" });
    expect((body as Response).headers.get("Location")).toBe(
      `/w/${params.workspace}/data/${dataset?.id}`,
    );
  });

  it("refuses a kind field that runs on, without reading it whole or storing anything", async () => {
    const before = scope.select(schema.datasets).length;
    const { status, body } = await upload("x".repeat(100_000));
    expect(status).toBe(400);
    expect(english(body)).toEqual({ error: "The form's kind field is too long" });
    expect(scope.select(schema.datasets)).toHaveLength(before);
  });
});
