/**
 * Predicted value in audiences: the Audience tab's preview and the audience CSV carry each
 * member's value from the latest value model, and say "—" / leave the cell empty before
 * any training.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { valueModels } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { trainAndStoreValues } from "~/customers/value-models.server";
import { formatMoney } from "~/format";
import * as audiencePage from "~/routes/w.$workspace.segments.$run.audience";
import * as audienceCsv from "~/routes/w.$workspace.segments.$run.audience[.csv]";
import * as valuePage from "~/routes/w.$workspace.value";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";
import { addRun } from "../segments/fixtures";
import { fillValueWorkspace } from "./support";

const { db } = setUpTestDb();
const params = { workspace: "value-audience" };
const context = { clientAddress: "127.0.0.1" };
let cookie = "";
let workspaceId = 0;
let runId = 0;
/** Members of segment "Top" who may be e-mailed (data-processing consent), by id. */
let contactable: number[] = [];

beforeAll(async () => {
  const owner = await createUser({
    email: "o@va.test",
    name: "O",
    password: "correct horse battery",
  });
  workspaceId = createWorkspace({ slug: params.workspace, name: "Value audience" }, owner).id;
  cookie = await cookieFor(owner.id);
  const customerIds = fillValueWorkspace(db, workspaceId, 300);
  db.$client
    .prepare(
      "UPDATE customers SET consent_email = 1, email = 'c' || id || '@va.test' WHERE workspace_id = ?",
    )
    .run(workspaceId);
  const members: Record<number, string> = {};
  // The first 14 customers: every seventh (positions 6 and 13) has no data-processing consent.
  customerIds.forEach((id, i) => {
    members[id] = i < 14 ? "Top" : "Rest";
  });
  contactable = customerIds.slice(0, 14).filter((_, i) => i % 7 !== 6);
  runId = addRun(db, workspaceId, "2026-01-01", members);
});

async function preview() {
  const request = requestAs(
    cookie,
    `/w/${params.workspace}/segments/${runId}/audience?segment=Top&channel=email`,
  );
  const { body } = await settle(() =>
    audiencePage.loader({ request, params: { ...params, run: String(runId) }, context }),
  );
  const data = body as Awaited<ReturnType<typeof audiencePage.loader>>;
  if (!data.preview) throw new Error("no preview");
  return { ...data, preview: data.preview };
}

async function csvLines() {
  const request = requestAs(cookie, `/w/${params.workspace}/segments/${runId}/audience.csv`, {
    method: "POST",
    body: new URLSearchParams({ segment: "Top", channel: "email" }),
  });
  const { status, body } = await settle(() =>
    audienceCsv.action({ request, params: { ...params, run: String(runId) }, context }),
  );
  expect(status).toBe(200);
  return (await (body as Response).text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
}

function storedValues(): Map<number, number> {
  const rows = db.$client
    .prepare("SELECT customer_id, predicted_value FROM customer_values WHERE workspace_id = ?")
    .raw()
    .all(workspaceId) as [number, number][];
  return new Map(rows);
}

describe("predicted value in audiences", () => {
  it('shows "—" and an empty CSV column before any training', async () => {
    const { preview: p, money } = await preview();
    expect(p.sample.map((m) => m.customer_id)).toEqual(contactable);
    expect(p.valueHorizonDays).toBeNull();
    expect(p.sample.every((m) => m.predicted_value === null)).toBe(true);
    expect(formatMoney(p.sample[0]?.predicted_value, money.currency)).toBe("—");

    const lines = await csvLines();
    expect(lines[0]).toBe("customer_id,name,email,segment,predicted_value");
    expect(lines).toHaveLength(1 + contactable.length);
    expect(lines[1]).toBe(`${contactable[0]},Customer 0,c${contactable[0]}@va.test,Top,`);
  });

  it("carries each member's value from the latest trained model", async () => {
    const enqueue = requestAs(cookie, `/w/${params.workspace}/value`, {
      method: "POST",
      body: new URLSearchParams({ horizon: "90" }),
    });
    expect(
      (await settle(() => valuePage.action({ request: enqueue, params, context }))).status,
    ).toBe(200);
    const model = scopeTo(db, workspaceId).first(valueModels);
    trainAndStoreValues(scopeTo(db, workspaceId), model?.id ?? 0);
    const values = storedValues();
    expect(values.size).toBeGreaterThan(0);

    const { preview: p } = await preview();
    expect(p.valueHorizonDays).toBe(90);
    const valued = p.sample.filter((m) => values.has(m.customer_id));
    expect(valued.length).toBeGreaterThan(0);
    for (const m of p.sample) expect(m.predicted_value).toBe(values.get(m.customer_id) ?? null);

    const lines = await csvLines();
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      const value = values.get(Number(cells[0]));
      expect(cells[4]).toBe(value === undefined ? "" : String(Math.round(value * 100) / 100));
    }
    expect(lines.slice(1).some((line) => !line.endsWith(","))).toBe(true);
  });
});
