/**
 * The workspace home's loader: every card's figures for any member (a viewer too), empty
 * figures for a new workspace, "today" in the workspace's time zone, and 404 for someone
 * who is not a member.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { customers, memberships, transactions, workspaces } from "#db/schema";
import { scopeTo } from "#db/scoped";
import * as home from "~/routes/w.$workspace._index";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";

const { db } = setUpTestDb();
let viewerCookie = "";
let strangerCookie = "";

beforeAll(async () => {
  const owner = await createUser({
    email: "o@h.test",
    name: "O",
    password: "correct horse battery",
  });
  const viewer = await createUser({
    email: "v@h.test",
    name: "V",
    password: "correct horse battery",
  });
  const stranger = await createUser({
    email: "s@h.test",
    name: "S",
    password: "correct horse battery",
  });
  const shop = createWorkspace({ slug: "home-shop", name: "Shop" }, owner);
  createWorkspace({ slug: "home-new", name: "New" }, viewer);
  db.insert(memberships).values({ workspaceId: shop.id, userId: viewer.id, role: "viewer" }).run();
  const scope = scopeTo(db, shop.id);
  const consented = scope.insert(customers, { consentDataProcessing: true }).id;
  scope.insert(customers, { consentDataProcessing: null });
  scope.insert(transactions, {
    transactionKey: "t1",
    customerId: consented,
    occurredAt: new Date("2026-03-31T10:00:00Z"),
    amount: 25,
    currency: "EUR",
  });
  viewerCookie = await cookieFor(viewer.id);
  strangerCookie = await cookieFor(stranger.id);
});

async function load(cookie: string, slug: string) {
  const request = requestAs(cookie, `/w/${slug}`);
  return settle(() =>
    home.loader({ request, params: { workspace: slug }, context: { clientAddress: "127.0.0.1" } }),
  );
}

describe("workspace home", () => {
  it("gives a viewer every card's figures", async () => {
    const { status, body } = await load(viewerCookie, "home-shop");
    expect(status).toBe(200);
    const data = body as Awaited<ReturnType<typeof home.loader>>;
    expect(data.role).toBe("viewer");
    expect(data.customers).toMatchObject({ total: 2, analysed: 1, excluded: 1 });
    expect(data.revenue).toMatchObject({
      status: "ok",
      latestSale: "2026-03-31",
      current: { revenue: 25, sales: 1 },
      change: null,
      changeReason: "no-previous-sales",
      money: { currency: "EUR" },
    });
    expect(data.bestChannel).toEqual({ status: "no-campaigns" });
    expect(data.scrapers.total).toBe(0);
    expect(data.reports).toEqual({ reports: [], total: 0 });
    expect(data.deliveries).toEqual([]);
  });

  it("shows empty figures for a new workspace", async () => {
    const { status, body } = await load(viewerCookie, "home-new");
    expect(status).toBe(200);
    const data = body as Awaited<ReturnType<typeof home.loader>>;
    expect(data.customers).toMatchObject({ total: 0 });
    expect(data.revenue).toMatchObject({ status: "no-sales", excludedSales: 0 });
    expect(data.segments.every((k) => k.latest === null)).toBe(true);
  });

  describe("in the workspace's time zone", () => {
    afterEach(() => {
      vi.useRealTimers();
      db.update(workspaces)
        .set({ timeZone: "Europe/Istanbul" })
        .where(eq(workspaces.slug, "home-shop"))
        .run();
    });

    // 2026-04-10 22:30 UTC is already the 11th in Istanbul (UTC+3) but still the 10th in
    // New York (UTC−4); the windows stay on the sales' written days either way.
    it.each([
      ["Europe/Istanbul", 11],
      ["America/New_York", 10],
    ])("counts the days since the latest sale in %s", async (timeZone, days) => {
      db.update(workspaces).set({ timeZone }).where(eq(workspaces.slug, "home-shop")).run();
      vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-04-10T22:30:00Z") });
      const { status, body } = await load(viewerCookie, "home-shop");
      expect(status).toBe(200);
      expect((body as Awaited<ReturnType<typeof home.loader>>).revenue).toMatchObject({
        latestSale: "2026-03-31",
        daysSinceLatestSale: days,
        current: { from: "2026-03-02", to: "2026-03-31" },
      });
    });
  });

  it("answers 404 to someone who is not a member", async () => {
    expect((await load(strangerCookie, "home-shop")).status).toBe(404);
  });
});
