/** The dataset page says how many of its rows a later import holds, and how many repeated a key. */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as datasetPage from "~/routes/w.$workspace.data.$dataset";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { runCli } from "../../../cli/run";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";

const { dir } = setUpTestDb();
const slug = "sharing";
let cookie = "";

beforeAll(async () => {
  const owner = await createUser({ email: "s@s.test", name: "S", password: "long enough pw" });
  createWorkspace({ slug, name: "Sharing" }, owner);
  cookie = await cookieFor(owner.id);
});

async function importProducts(name: string, text: string): Promise<number> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const result = await runCli([
    "import",
    "--workspace",
    slug,
    "--kind",
    "products",
    "--file",
    file,
  ]);
  if (result.code !== 0) throw new Error(result.stderr);
  return (JSON.parse(result.stdout ?? "") as { dataset_id: number }).dataset_id;
}

async function pageOf(datasetId: number) {
  const request = requestAs(cookie, `/w/${slug}/data/${datasetId}`);
  const params = { workspace: slug, dataset: String(datasetId) };
  return settle(() =>
    datasetPage.loader({ request, params, context: { clientAddress: "127.0.0.1" } }),
  );
}

describe("the dataset page", () => {
  it("counts rows now held by a later import, and rows that repeated a key", async () => {
    const first = await importProducts("a.csv", "code,name\nP1,Tea\nP2,Cup\nP3,Pot\nP1,Tea\n");
    const second = await importProducts("b.csv", "code,name\nP1,Tea\nP3,Teapot\n");
    const { status, body } = await pageOf(first);
    expect(status).toBe(200);
    expect((body as { sharing: unknown }).sharing).toEqual({ heldElsewhere: 2, duplicateKeys: 1 });
    const later = await pageOf(second);
    expect((later.body as { sharing: unknown }).sharing).toEqual({
      heldElsewhere: 0,
      duplicateKeys: 0,
    });
  });
});
