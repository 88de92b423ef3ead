/**
 * Settings: a workspace's name, time zone and reporting currency, through the route's
 * action as a browser posts them. Editors and owners change them, a viewer and another
 * workspace's owner cannot, invalid values come back with a message naming the value, and a
 * new zone moves the next run of the workspace's scraper sources.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, reportDeliveries, reports, sources, transactions, workspaces } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { decodeMessage } from "~/i18n/message";
import * as settingsPage from "~/routes/w.$workspace.settings";
import { createUser } from "~/users.server";
import { createWorkspace, inviteMember } from "~/workspace.server";
import { runCli } from "../../cli/run";
import { cookieFor, requestAs, settle } from "../helpers/session";
import { setUpTestDb } from "../helpers/test-db";

const { db } = setUpTestDb();
const context = { clientAddress: "127.0.0.1" };

async function user(email: string) {
  return createUser({ email, name: email, password: "correct horse battery" });
}

function post(cookie: string, slug: string, fields: Record<string, string>) {
  return settingsPage.action({
    request: requestAs(cookie, `/w/${slug}/settings`, {
      method: "POST",
      body: new URLSearchParams(fields),
    }),
    params: { workspace: slug },
    context,
  });
}

type GeneralFields = Partial<Record<"name" | "timeZone" | "reportingCurrency", string>>;

const general = (fields: GeneralFields): Record<string, string> => ({
  intent: "general",
  name: "Shop",
  timeZone: "Europe/Istanbul",
  reportingCurrency: "",
  ...fields,
});

const row = (id: number) => db.select().from(workspaces).where(eq(workspaces.id, id)).get();

describe("workspace settings", async () => {
  const owner = await user("owner@shop.test");
  const editor = await user("editor@shop.test");
  const viewer = await user("viewer@shop.test");
  const stranger = await user("owner@other.test");
  const shop = createWorkspace({ slug: "shop", name: "Shop" }, owner);
  createWorkspace({ slug: "other", name: "Other" }, stranger);
  const ownerAccess = { user: owner, workspace: shop, role: "owner" as const };
  inviteMember(
    { ...ownerAccess, scope: scopeTo(db, shop.id) },
    {
      email: editor.email,
      role: "editor",
    },
  );
  inviteMember(
    { ...ownerAccess, scope: scopeTo(db, shop.id) },
    {
      email: viewer.email,
      role: "viewer",
    },
  );
  const ownerCookie = await cookieFor(owner.id);
  const editorCookie = await cookieFor(editor.id);
  const viewerCookie = await cookieFor(viewer.id);
  const strangerCookie = await cookieFor(stranger.id);

  it("an editor renames the workspace and sets its zone and currency; each change audited", async () => {
    const saved = await settle(() =>
      post(
        editorCookie,
        "shop",
        general({
          name: "  Moda Mağaza  ",
          timeZone: "America/New_York",
          reportingCurrency: "eur",
        }),
      ),
    );
    expect((saved.body as Response).headers.get("Location")).toBe("/w/shop/settings?saved=general");
    expect(row(shop.id)).toMatchObject({
      name: "Moda Mağaza",
      timeZone: "America/New_York",
      reportingCurrency: "EUR",
    });
    const audits = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "workspace.settings_changed"))
      .all();
    expect(audits.map((a) => [a.actorUserId, a.details])).toEqual([
      [
        editor.id,
        {
          name: { from: "Shop", to: "Moda Mağaza" },
          timeZone: { from: "Europe/Istanbul", to: "America/New_York" },
          reportingCurrency: { from: null, to: "EUR" },
          via: "settings",
        },
      ],
    ]);
    // Saving the same values again changes nothing and audits nothing.
    await settle(() =>
      post(
        ownerCookie,
        "shop",
        general({ name: "Moda Mağaza", timeZone: "America/New_York", reportingCurrency: "EUR" }),
      ),
    );
    expect(
      db.select().from(auditLog).where(eq(auditLog.action, "workspace.settings_changed")).all(),
    ).toHaveLength(1);
  });

  it("a chosen currency wins over the sales' one; an empty choice goes back to the sales'", async () => {
    const scope = scopeTo(db, shop.id);
    for (const [i, currency] of ["TRY", "TRY", "TRY"].entries())
      scope.insert(transactions, {
        transactionKey: `s${i}`,
        occurredAt: new Date("2026-03-01T12:00:00Z"),
        amount: 10,
        currency,
      });
    expect(reportingCurrency(scope)).toEqual({ currency: "EUR", mixed: [] });
    await settle(() =>
      post(ownerCookie, "shop", general({ name: "Moda Mağaza", timeZone: "America/New_York" })),
    );
    expect(row(shop.id)?.reportingCurrency).toBeNull();
    expect(reportingCurrency(scope)).toEqual({ currency: "TRY", mixed: [] });
  });

  it("refuses an unknown zone, an unknown currency and an empty name with a message naming the value", async () => {
    const refused = await settle(() =>
      post(
        ownerCookie,
        "shop",
        general({ name: "   ", timeZone: "Mars/Olympus_Mons", reportingCurrency: "XYZ1" }),
      ),
    );
    expect(refused.status).toBe(400);
    const errors = (refused.body as { errors: Record<string, string> }).errors;
    expect(decodeMessage(errors.name as string)).toEqual({
      key: "workspace:errors.enterName",
      values: {},
    });
    expect(decodeMessage(errors.timeZone as string)).toEqual({
      key: "workspace:errors.unknownTimeZone",
      values: { zone: "Mars/Olympus_Mons" },
    });
    expect(decodeMessage(errors.reportingCurrency as string)).toEqual({
      key: "workspace:errors.unknownCurrency",
      values: { code: "XYZ1" },
    });
    // A made-up three-letter code is no ISO 4217 currency either; "UTC" is a zone.
    const made = await settle(() =>
      post(ownerCookie, "shop", general({ timeZone: "UTC", reportingCurrency: "ABC" })),
    );
    expect(made.status).toBe(400);
    expect(row(shop.id)).toMatchObject({ name: "Moda Mağaza", timeZone: "America/New_York" });
  });

  it("a viewer cannot change them, nor see the page; another workspace's owner gets 404", async () => {
    const asViewer = await settle(() => post(viewerCookie, "shop", general({ name: "Mine" })));
    expect(asViewer.status).toBe(403);
    const viewerPage = await settle(() =>
      settingsPage.loader({
        request: requestAs(viewerCookie, "/w/shop/settings"),
        params: { workspace: "shop" },
        context,
      }),
    );
    expect(viewerPage.status).toBe(403);
    const asStranger = await settle(() => post(strangerCookie, "shop", general({ name: "Mine" })));
    expect(asStranger.status).toBe(404);
    expect(row(shop.id)?.name).toBe("Moda Mağaza");
  });

  it("keeps the legal basis and deletion for owners: an editor gets 403", async () => {
    const basis = await settle(() =>
      post(editorCookie, "shop", { intent: "basis", basis: "contract" }),
    );
    expect(basis.status).toBe(403);
    const remove = await settle(() =>
      post(editorCookie, "shop", { intent: "delete", confirm: "shop" }),
    );
    expect(remove.status).toBe(403);
    expect(row(shop.id)).toMatchObject({ processingBasis: "consent" });
  });

  it("the editor's page offers the general settings only; the owner's also the basis", async () => {
    const load = (cookie: string) =>
      settle(() =>
        settingsPage.loader({
          request: requestAs(cookie, "/w/shop/settings"),
          params: { workspace: "shop" },
          context,
        }),
      );
    const asEditor = (await load(editorCookie)).body as Awaited<
      ReturnType<typeof settingsPage.loader>
    >;
    expect(asEditor.isOwner).toBe(false);
    expect(asEditor.timeZones).toContain("Europe/Istanbul");
    expect(asEditor.timeZones).toContain("UTC");
    expect(asEditor.currencies).toContain("TRY");
    expect(asEditor.derivedCurrency).toBe("TRY");
    const asOwner = (await load(ownerCookie)).body as Awaited<
      ReturnType<typeof settingsPage.loader>
    >;
    expect(asOwner.isOwner).toBe(true);
  });

  it("a new zone moves the next run of active sources and deliveries into the new zone", async () => {
    const scope = scopeTo(db, shop.id);
    const active = scope.insert(sources, {
      name: "Bank channel",
      adapter: "telegram",
      config: {},
      schedule: "0 9 * * *",
      nextRunAt: new Date("2030-01-01T14:00:00Z"), // 09:00 in New York
    });
    const paused = scope.insert(sources, {
      name: "Paused",
      adapter: "telegram",
      config: {},
      schedule: "0 9 * * *",
      enabled: false,
      nextRunAt: null,
    });
    const report = scope.insert(reports, {
      kind: "campaign-roi",
      title: "ROI",
      params: {},
      mode: "live",
    });
    const delivery = scope.insert(reportDeliveries, {
      reportId: report.id,
      cadence: "weekly",
      cron: "0 8 * * 1",
      recipients: ["a@example.test"],
      nextRunAt: new Date("2030-01-07T13:00:00Z"), // Monday 08:00 in New York
    });
    await settle(() =>
      post(ownerCookie, "shop", general({ name: "Moda Mağaza", timeZone: "Europe/Istanbul" })),
    );
    // Monday 08:00 in Istanbul is 05:00 UTC.
    const nextDelivery = scope.first(
      reportDeliveries,
      eq(reportDeliveries.id, delivery.id),
    )?.nextRunAt;
    expect(nextDelivery?.toISOString().slice(11)).toBe("05:00:00.000Z");
    expect(nextDelivery?.getUTCDay()).toBe(1);
    const next = (id: number) => scope.first(sources, eq(sources.id, id))?.nextRunAt;
    const nextRun = next(active.id);
    // 09:00 in Istanbul is 06:00 UTC, on a day after the save.
    expect(nextRun?.toISOString().slice(11)).toBe("06:00:00.000Z");
    expect(nextRun && nextRun.getTime() > Date.now()).toBe(true);
    expect(next(paused.id)).toBeNull();
  });

  it("the CLI sets them one at a time and names a bad value in its message", async () => {
    const set = await runCli([
      "workspace",
      "set",
      "--workspace",
      "other",
      "--time-zone",
      "Asia/Tokyo",
    ]);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout ?? "").workspace).toMatchObject({
      name: "Other",
      time_zone: "Asia/Tokyo",
      reporting_currency: null,
    });
    const currency = await runCli([
      "workspace",
      "set",
      "--workspace",
      "other",
      "--currency",
      "usd",
    ]);
    expect(JSON.parse(currency.stdout ?? "").workspace).toMatchObject({
      time_zone: "Asia/Tokyo",
      reporting_currency: "USD",
    });
    const bad = await runCli([
      "workspace",
      "set",
      "--workspace",
      "other",
      "--time-zone",
      "Asia/Atlantis",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"Asia/Atlantis" is not a time zone');
  });
});
