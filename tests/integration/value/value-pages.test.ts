/**
 * The Value page, the customer page, segment member lists and a run's overview as a
 * marketer meets them: editors enqueue a training, viewers cannot, a bad horizon is named,
 * and once trained each page shows the stored values.
 */

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { jobs, valueModels } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { trainAndStoreValues } from "~/customers/value-models.server";
import * as customerPage from "~/routes/w.$workspace.customers.$customer";
import * as runPage from "~/routes/w.$workspace.segments.$run._index";
import * as membersPage from "~/routes/w.$workspace.segments.$run.members";
import * as valuePage from "~/routes/w.$workspace.value";
import { createUser } from "~/users.server";
import { createWorkspace, inviteMember } from "~/workspace.server";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";
import { addRun } from "../segments/fixtures";
import { fillValueWorkspace } from "./support";

const { db } = setUpTestDb();
const params = { workspace: "value-pages" };
const context = { clientAddress: "127.0.0.1" };
const cookies = { editor: "", viewer: "" };
let workspaceId = 0;
let customerIds: number[] = [];

beforeAll(async () => {
  const password = "correct horse battery";
  const owner = await createUser({ email: "o@v.test", name: "O", password });
  const viewer = await createUser({ email: "v@v.test", name: "V", password });
  const workspace = createWorkspace({ slug: params.workspace, name: "Value" }, owner);
  workspaceId = workspace.id;
  inviteMember(
    { user: owner, workspace, role: "owner", scope: scopeTo(db, workspace.id) },
    { email: "v@v.test", role: "viewer" },
  );
  cookies.editor = await cookieFor(owner.id);
  cookies.viewer = await cookieFor(viewer.id);
  customerIds = fillValueWorkspace(db, workspaceId, 300);
});

function train(who: keyof typeof cookies, horizon: string) {
  const request = requestAs(cookies[who], `/w/${params.workspace}/value`, {
    method: "POST",
    body: new URLSearchParams({ horizon }),
  });
  return settle(() => valuePage.action({ request, params, context }));
}

async function load<T>(loader: (args: never) => T, path: string, extra = {}) {
  const request = requestAs(cookies.viewer, `/w/${params.workspace}${path}`);
  const { status, body } = await settle(() =>
    loader({ request, params: { ...params, ...extra }, context } as never),
  );
  return { status, body: body as Awaited<T> };
}

describe("Value page", () => {
  it("says there is no training yet", async () => {
    const { body } = await load(valuePage.loader, "/value");
    expect(body.status).toBeNull();
    expect(body.canTrain).toBe(false);
  });

  it("refuses viewers and names a bad horizon", async () => {
    expect((await train("viewer", "90")).status).toBe(403);
    const bad = await train("editor", "3");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: "value:train.horizonInvalid" });
  });

  it("enqueues a training; once trained every page shows predicted values", async () => {
    expect((await train("editor", "90")).status).toBe(200);
    const model = scopeTo(db, workspaceId).first(valueModels);
    expect(model?.status).toBe("queued");
    const job = db
      .select()
      .from(jobs)
      .where(eq(jobs.id, model?.jobId ?? 0))
      .get();
    expect(job).toMatchObject({
      kind: "value-train",
      payload: { workspaceId, modelId: model?.id },
    });
    expect((await load(valuePage.loader, "/value")).body.status).toBe("queued");

    trainAndStoreValues(scopeTo(db, workspaceId), model?.id ?? 0);
    const page = (await load(valuePage.loader, "/value")).body;
    expect(page.status).toBe("succeeded");
    if (!page.result?.ok) throw new Error("training failed");
    expect(Object.keys(page.result.metrics).sort()).toEqual(["bg_nbd", "last_period", "model"]);
    expect(page.result.importance[0]?.share).toBeGreaterThan(0);

    const valued = db.$client
      .prepare(
        "SELECT customer_id, predicted_value FROM customer_values WHERE model_id = ? LIMIT 1",
      )
      .get(model?.id) as { customer_id: number; predicted_value: number };
    const profile = await load(customerPage.loader, `/customers/${valued.customer_id}`, {
      customer: String(valued.customer_id),
    });
    expect(profile.body.predictedValue).toMatchObject({
      value: valued.predicted_value,
      horizonDays: 90,
    });

    const members: Record<number, string> = {};
    for (const id of customerIds) members[id] = id === valued.customer_id ? "Top" : "Rest";
    const runId = addRun(db, workspaceId, "2026-01-01", members);
    const list = await load(membersPage.loader, `/segments/${runId}/members?segment=Top`, {
      run: String(runId),
    });
    expect(list.body.predicted?.values[valued.customer_id]).toBe(valued.predicted_value);
    const overview = await load(runPage.loader, `/segments/${runId}`, { run: String(runId) });
    expect(overview.body.value.ranking?.segments.map((s) => s.segment).sort()).toEqual([
      "Rest",
      "Top",
    ]);
  });
});
