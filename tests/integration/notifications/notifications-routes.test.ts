/**
 * The Notifications page and its downloads through the real loaders and actions: a form
 * that cannot be planned says why in the reader's words, viewers cannot plan, another
 * workspace's plan is not found, and a plan made on the queue is shown and downloaded
 * (formula-safe, consent checked) with the segment's next best offers.
 */
import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import type { JobContext } from "#jobs/registry";
import { translateMessage } from "~/i18n/message";
import { resources } from "~/locales";
import { NOTIFICATION_PLAN_JOB } from "~/notifications/plan-job.server";
import * as customerPage from "~/routes/w.$workspace.customers.$customer";
import * as offersCsv from "~/routes/w.$workspace.next-best-offers[.csv]";
import * as page from "~/routes/w.$workspace.notifications";
import * as planCsv from "~/routes/w.$workspace.notifications[.csv]";
import { createUser } from "~/users.server";
import { createWorkspace, inviteMember } from "~/workspace.server";
import { notificationPlanHandler } from "../../../jobs/handlers/notification-plan";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";
import { addRun, addTransaction } from "../segments/fixtures";
import { addShopWithResponses } from "./plan-fixture";

const { db } = setUpTestDb();
const slug = "notify";
const cookies = { owner: "", editor: "", viewer: "", stranger: "" };
let workspaceId = 0;
let runId = 0;
let otherRunId = 0;
let otherPlanId = 0;
let shampooBuyer = 0;
let t: TFunction;

beforeAll(async () => {
  const password = "correct horse battery";
  const owner = await createUser({ email: "o@n.test", name: "O", password });
  const editor = await createUser({ email: "e@n.test", name: "E", password });
  const viewer = await createUser({ email: "v@n.test", name: "V", password });
  const stranger = await createUser({ email: "s@n.test", name: "S", password });
  const workspace = createWorkspace({ slug, name: "Notify" }, owner);
  workspaceId = workspace.id;
  const scope = scopeTo(db, workspaceId);
  const access = { user: owner, workspace, role: "owner" as const, scope };
  inviteMember(access, { email: "e@n.test", role: "editor" });
  inviteMember(access, { email: "v@n.test", role: "viewer" });
  const shop = addShopWithResponses(db, workspaceId, 60);
  runId = shop.runId;
  // K2 (Young) is known to the sending system by an id a spreadsheet would run.
  db.$client
    .prepare("UPDATE customer_sources SET external_id = '=SUM(1)' WHERE external_id = 'K2'")
    .run();
  // Young members K0, K4, … buy shampoo every 30 days; K0 also took a loan.
  const young = Object.entries(shop.members)
    .filter(([, segment]) => segment === "Young")
    .map(([id]) => Number(id));
  young.forEach((id, i) => {
    if (i % 2 !== 0) return;
    for (const date of ["2026-09-01", "2026-10-01", "2026-10-31"])
      addTransaction(db, workspaceId, { customerId: id, date, amount: 50, category: "Shampoo" });
    if (i === 0)
      addTransaction(db, workspaceId, {
        customerId: id,
        date: "2026-09-15",
        amount: 900,
        category: "Loan",
      });
  });
  shampooBuyer = young[2] as number;

  // Another workspace with a run but no responses, and a plan of its own.
  const other = createWorkspace({ slug: "elsewhere", name: "Elsewhere" }, stranger);
  const otherScope = scopeTo(db, other.id);
  const lone = otherScope.insert(schema.customers, { name: "Lone", consentDataProcessing: true });
  otherRunId = addRun(db, other.id, "2026-12-01", { [lone.id]: "Loyal" });
  otherPlanId = otherScope.insert(schema.notificationPlans, {
    runId: otherRunId,
    segment: "Loyal",
    weeklyCap: 2,
    explore: 0.1,
  }).id;

  for (const [who, user] of Object.entries({ owner, editor, viewer, stranger }))
    cookies[who as keyof typeof cookies] = await cookieFor(user.id);
  const i18n = i18next.createInstance();
  await i18n.init({ lng: "en", resources, defaultNS: "common" });
  t = i18n.t;
});

const context = { clientAddress: "127.0.0.1" };

function post(who: keyof typeof cookies, fields: Record<string, string>, workspace = slug) {
  const request = requestAs(cookies[who], `/w/${workspace}/notifications`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  return settle(() => page.action({ request, params: { workspace }, context }));
}

async function load<T>(
  route: { loader: (args: never) => unknown },
  who: keyof typeof cookies,
  path: string,
  params: Record<string, string> = { workspace: slug },
) {
  const request = requestAs(cookies[who], path);
  const result = await settle(() =>
    (route.loader as (a: unknown) => unknown)({ request, params, context }),
  );
  return result as { status: number; body: T };
}

const errorsOf = (body: unknown) =>
  Object.fromEntries(
    Object.entries((body as { errors: Record<string, string> }).errors).map(([k, v]) => [
      k,
      translateMessage(t, v),
    ]),
  );

describe("the Notifications page", () => {
  it("answers a form it cannot plan with a message naming the field", async () => {
    const bad = await post("editor", {
      run: String(runId),
      segment: "Young",
      cap: "two",
      explore: "150",
    });
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.body)).toEqual({
      cap: "The weekly cap is a whole number from 1 to 14",
      explore: "Exploration is a percentage from 0 to 100",
    });
    const unknown = await post("editor", {
      run: String(runId),
      segment: "Nobody",
      cap: "2",
      explore: "10",
    });
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown.body)).toEqual({ segment: `Run ${runId} has no segment “Nobody”` });
    // A run of another workspace is not one to choose here.
    const foreign = await post("editor", {
      run: String(otherRunId),
      segment: "Loyal",
      cap: "2",
      explore: "10",
    });
    expect(errorsOf(foreign.body)).toEqual({ run: "Choose a finished segment run" });
    const noResponses = await post(
      "stranger",
      { run: String(otherRunId), segment: "Loyal", cap: "2", explore: "10" },
      "elsewhere",
    );
    expect(errorsOf(noResponses.body).form).toMatch(/^There are no responses to learn from/);
    expect(
      db.$client
        .prepare("SELECT count(*) FROM notification_plans WHERE workspace_id = ?")
        .pluck()
        .get(workspaceId),
    ).toBe(0);
  });

  it("lets a viewer read but not plan", async () => {
    const refused = await post("viewer", {
      run: String(runId),
      segment: "Young",
      cap: "2",
      explore: "10",
    });
    expect(refused.status).toBe(403);
    const seen = await load<{ canEdit: boolean; segments: { segment: string }[] }>(
      page,
      "viewer",
      `/w/${slug}/notifications`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body.canEdit).toBe(false);
    expect(seen.body.segments.map((s) => s.segment).sort()).toEqual(["Loyal", "Young"]);
  });

  it("does not open another workspace's plan or its CSV", async () => {
    for (const route of [page, planCsv]) {
      const other = await load(route, "owner", `/w/${slug}/notifications?plan=${otherPlanId}`);
      expect(other.status).toBe(404);
    }
    const offers = await load<Response>(
      offersCsv,
      "owner",
      `/w/${slug}/next-best-offers.csv?run=${otherRunId}`,
    );
    expect(
      (await offers.body.text())
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n"),
    ).toHaveLength(1);
  });

  it("plans on the queue, then shows the estimate and downloads the plan and the offers", async () => {
    const made = await post("editor", {
      run: String(runId),
      segment: "Young",
      cap: "2",
      explore: "10",
    });
    expect(made.status).toBe(302);
    const location = (made.body as Response).headers.get("Location") ?? "";
    const planId = Number(/plan=(\d+)/.exec(location)?.[1]);
    expect(planId).toBeGreaterThan(0);

    const waiting = await load<{ plan: { status: string }; summary: unknown }>(
      page,
      "owner",
      location,
    );
    expect(waiting.body.plan.status).toBe("queued");
    expect(waiting.body.summary).toBeNull();
    const notReady = await load(planCsv, "owner", `/w/${slug}/notifications.csv?plan=${planId}`);
    expect(notReady.status).toBe(409);
    expect(await (notReady.body as Response).text()).toBe("The plan is not ready yet\n");

    const job = db.$client
      .prepare("SELECT payload FROM jobs WHERE kind = ? AND workspace_id = ?")
      .pluck()
      .get(NOTIFICATION_PLAN_JOB, workspaceId) as string;
    const ctx: JobContext = {
      jobId: 1,
      workspaceId,
      attempt: 1,
      maxAttempts: 3,
      signal: new AbortController().signal,
      progress: () => {},
      holdLease: () => {},
    };
    await notificationPlanHandler.execute(JSON.parse(job), ctx);

    const shown = await load<Awaited<ReturnType<typeof page.loader>>>(page, "viewer", location);
    const { summary, estimate, groups, offers } = shown.body;
    expect(summary?.segment_members).toBe(30);
    expect(groups.reduce((n, g) => n + g.customers, 0)).toBe(summary?.planned);
    expect(estimate?.source).toBe("held-out");
    expect(estimate?.responses).toBeGreaterThan(0);
    // Shampoo buyers are offered what half the segment bought and they did not: a loan.
    expect(offers.length).toBeGreaterThan(0);

    const csv = await load<Response>(
      planCsv,
      "viewer",
      `/w/${slug}/notifications.csv?plan=${planId}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.body.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.body.headers.get("Content-Disposition")).toBe(
      `attachment; filename="notification-plan-${planId}-Young.csv"`,
    );
    // Response.text() drops the byte-order mark: read the bytes Excel will read.
    const bytes = new Uint8Array(await csv.body.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe("customer_id,channel,offer,send_hour,expected_response_rate,exploration");
    expect(lines).toHaveLength((summary?.planned ?? 0) + 1);
    // The id that looks like a formula is written as text.
    expect(lines.some((l) => l.startsWith("'=SUM(1),"))).toBe(true);
    expect(lines.some((l) => l.startsWith("=SUM"))).toBe(false);

    const offerCsv = await load<Response>(
      offersCsv,
      "viewer",
      `/w/${slug}/next-best-offers.csv?run=${runId}&segment=Young`,
    );
    const offerLines = (await offerCsv.body.text()).trim().split("\r\n");
    expect(offerLines[0]).toBe(
      "customer_id,segment,rank,offer,propensity,value,expected_value,reason,as_of",
    );
    expect(offerLines.length).toBeGreaterThan(1);
    for (const line of offerLines.slice(1)) expect(line).toMatch(/,Young,/);

    // A shampoo buyer's own page: the loan first, with the segment's share as the reason,
    // and shampoo (bought every 30 days) as a repeat.
    const profile = await load<Awaited<ReturnType<typeof customerPage.loader>>>(
      customerPage,
      "viewer",
      `/w/${slug}/customers/${shampooBuyer}`,
      { workspace: slug, customer: String(shampooBuyer) },
    );
    const mine = profile.body.offers;
    expect(mine.map((o) => o.category).sort()).toEqual(["Loan", "Shampoo"]);
    const shampoo = mine.find((o) => o.category === "Shampoo");
    expect(shampoo?.reason).toMatchObject({ kind: "repeat", everyDays: 30 });
    expect(mine.find((o) => o.category === "Loan")?.reason.kind).toBe("segment");
  });
});
