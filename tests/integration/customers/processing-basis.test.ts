/**
 * The legal basis for analytics (issue 9 §2): under "consent" a file without a consent
 * column leaves everyone out, and the result says why; under legitimate interest every
 * customer who has not objected is analysed (an objection column or one recorded on the
 * customer page still excludes); contacting needs data-processing and channel consent
 * whatever the basis; a transactions file alone makes customers; changes are audited.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import { eraseCustomer } from "~/customers/erase.server";
import { exportCsv } from "~/customers/export.server";
import { customerCounts, listCustomers } from "~/customers/queries.server";
import * as customerPage from "~/routes/w.$workspace.customers.$customer";
import * as settingsPage from "~/routes/w.$workspace.settings";
import { buildAudienceFromSegment } from "~/segments/audience.server";
import { runClustering } from "~/segments/cluster-run.server";
import { listAvailableFeatures } from "~/segments/feature-list.server";
import { createUser } from "~/users.server";
import { createWorkspace, inviteMember } from "~/workspace.server";
import { runCli } from "../../../cli/run";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";

const { db, dir } = setUpTestDb();
const context = { clientAddress: "127.0.0.1" };

function csvFile(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

async function cli(...argv: string[]) {
  const result = await runCli(argv);
  if (result.code !== 0) throw new Error(`${argv.join(" ")}: ${result.stderr}`);
  return JSON.parse(result.stdout ?? "");
}

const importFile = (slug: string, kind: string, file: string) =>
  cli("import", "--workspace", slug, "--kind", kind, "--file", file);

async function newWorkspace(slug: string) {
  const owner = await createUser({
    email: `owner@${slug}.test`,
    name: "Owner",
    password: "correct horse battery",
  });
  const workspace = createWorkspace({ slug, name: slug }, owner);
  return { owner, workspace, scope: scopeTo(db, workspace.id) };
}

const sales = (ids: string[]) => [
  "transaction_id,customer_id,date,amount",
  ...ids.flatMap((id, i) => [
    `${id}-1,${id},2025-01-0${(i % 9) + 1},${100 + 10 * i}`,
    `${id}-2,${id},2025-02-1${i % 10},${50 + 5 * i}`,
  ]),
];

function basisAudits(workspaceId: number) {
  return db.$client
    .prepare(
      `SELECT actor_user_id AS actor, details, created_at FROM audit_log
       WHERE workspace_id = ? AND action = 'workspace.processing_basis_changed' ORDER BY id`,
    )
    .all(workspaceId) as { actor: number | null; details: string; created_at: number }[];
}

describe("a customers file without any data-processing consent column", () => {
  it("analyses nobody under consent and says why, everyone not objecting under legitimate interest", async () => {
    const { workspace, scope } = await newWorkspace("public-file");
    const ids = ["C1", "C2", "C3", "C4"];
    await importFile(
      "public-file",
      "customers",
      csvFile("public-customers.csv", [
        "customer_id,name,email",
        ...ids.map((id) => `${id},Name ${id},${id.toLowerCase()}@example.test`),
      ]),
    );
    await importFile("public-file", "transactions", csvFile("public-sales.csv", sales(ids)));

    const underConsent = await cli("segment", "rfm", "--workspace", "public-file");
    expect(underConsent).toMatchObject({
      processing_basis: "consent",
      customers_scored: 0,
      excluded_without_consent: 4,
      empty_reason:
        "All 4 customers lack a recorded data-processing consent; the workspace analyses by consent. Change the legal basis in Settings.",
    });
    await expect(
      runClustering(scopeTo(db, workspace.id), { features: ["recency_days", "monetary"] }),
    ).rejects.toThrow(
      "Only 0 customers can be used: too few to cluster. All 4 customers lack a recorded data-processing consent",
    );
    expect(listAvailableFeatures(scopeTo(db, workspace.id)).empty_reason).toContain(
      "All 4 customers",
    );

    const set = await cli(
      "workspace",
      "set",
      "--workspace",
      "public-file",
      "--processing-basis",
      "legitimate-interest",
    );
    expect(set).toEqual({
      workspace: {
        id: workspace.id,
        slug: "public-file",
        name: "public-file",
        time_zone: workspace.timeZone,
        reporting_currency: null,
        processing_basis: "legitimate-interest",
      },
    });
    // The RFM run the workspace has is computed again, at once (not in this hour's slot).
    const queued = db.$client
      .prepare("SELECT dedupe_key FROM jobs WHERE workspace_id = ?")
      .pluck()
      .all(workspace.id) as string[];
    expect(queued).toEqual([expect.stringMatching(/^recompute:rfm:\d+:basis:\d+$/)]);

    const underInterest = await cli("segment", "rfm", "--workspace", "public-file");
    expect(underInterest).toMatchObject({
      processing_basis: "legitimate-interest",
      customers_scored: 4,
      excluded_without_consent: 0,
      empty_reason: null,
    });
    const clusters = await runClustering(scopeTo(db, workspace.id), {
      features: ["recency_days", "monetary"],
      k: 2,
    });
    expect(clusters.customers_used).toBe(4);

    // A second file with an objection column: C5 objected, C6 did not.
    await importFile(
      "public-file",
      "customers",
      csvFile("objections.csv", [
        "customer_id,email,Objection",
        "C5,c5@example.test,yes",
        "C6,c6@example.test,no",
      ]),
    );
    await importFile("public-file", "transactions", csvFile("more-sales.csv", sales(["C5", "C6"])));
    const stored = db.$client
      .prepare(
        `SELECT s.external_id AS id, c.consent_data_processing AS consent
         FROM customers c JOIN customer_sources s ON s.customer_id = c.id
         WHERE c.workspace_id = ? AND s.external_id IN ('C5', 'C6') ORDER BY s.external_id`,
      )
      .all(workspace.id);
    expect(stored).toEqual([
      { id: "C5", consent: 0 },
      { id: "C6", consent: null },
    ]);
    const withObjection = await cli("segment", "rfm", "--workspace", "public-file");
    expect(withObjection).toMatchObject({ customers_scored: 5, excluded_without_consent: 1 });
    expect(customerCounts(scope)).toMatchObject({
      total: 6,
      excluded: 1,
      excludedAs: "who objected to processing",
    });

    // Back to consent, then contract: each change audited with the old and new basis.
    await cli("workspace", "set", "--workspace", "public-file", "--processing-basis", "consent");
    await cli("workspace", "set", "--workspace", "public-file", "--processing-basis", "contract");
    await cli("workspace", "set", "--workspace", "public-file", "--processing-basis", "contract");
    const audits = basisAudits(workspace.id);
    expect(audits.map((a) => [a.actor, JSON.parse(a.details)])).toEqual([
      [null, { from: "consent", to: "legitimate-interest", via: "cli" }],
      [null, { from: "legitimate-interest", to: "consent", via: "cli" }],
      [null, { from: "consent", to: "contract", via: "cli" }],
    ]);
    expect(audits.every((a) => a.created_at > 0)).toBe(true);

    const bad = await runCli([
      "workspace",
      "set",
      "--workspace",
      "public-file",
      "--processing-basis",
      "whatever",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Choose consent, legitimate-interest or contract");
  });
});

describe("the customer page and the Settings page", () => {
  it("records an objection that excludes the person under legitimate interest", async () => {
    const { owner, workspace, scope } = await newWorkspace("objecting");
    await createUser({ email: "editor@objecting.test", name: "E", password: "correct horse b" });
    inviteMember(
      { user: owner, workspace, role: "owner", scope },
      { email: "editor@objecting.test", role: "editor" },
    );
    const ownerCookie = await cookieFor(owner.id);
    const editorId = db.$client
      .prepare("SELECT id FROM users WHERE email = 'editor@objecting.test'")
      .pluck()
      .get() as number;
    const editorCookie = await cookieFor(editorId);

    const post = (cookie: string, url: string, fields: Record<string, string>) =>
      requestAs(cookie, url, { method: "POST", body: new URLSearchParams(fields) });
    const params = { workspace: "objecting" };

    // Only an owner changes the basis.
    const denied = await settle(() =>
      settingsPage.action({
        request: post(editorCookie, "/w/objecting/settings", {
          intent: "basis",
          basis: "contract",
        }),
        params,
        context,
      }),
    );
    expect(denied.status).toBe(403);
    const invalid = await settle(() =>
      settingsPage.action({
        request: post(ownerCookie, "/w/objecting/settings", { intent: "basis", basis: "x" }),
        params,
        context,
      }),
    );
    expect(invalid.status).toBe(400);
    const saved = await settle(() =>
      settingsPage.action({
        request: post(ownerCookie, "/w/objecting/settings", {
          intent: "basis",
          basis: "legitimate-interest",
        }),
        params,
        context,
      }),
    );
    expect((saved.body as Response).headers.get("Location")).toBe(
      "/w/objecting/settings?saved=basis",
    );
    expect(basisAudits(workspace.id).map((a) => [a.actor, JSON.parse(a.details)])).toEqual([
      [owner.id, { from: "consent", to: "legitimate-interest", via: "settings" }],
    ]);
    const loaded = await settle(() =>
      settingsPage.loader({
        request: requestAs(ownerCookie, "/w/objecting/settings"),
        params,
        context,
      }),
    );
    expect(loaded.body).toMatchObject({ workspace: { processingBasis: "legitimate-interest" } });

    const ada = scope.insert(schema.customers, { name: "Ada" }).id;
    scope.insert(schema.customers, { name: "Bora" });
    const names = () =>
      listCustomers(scope, { limit: 10, offset: 0 }).map((customer) => customer.name);
    expect(names()).toEqual(["Ada", "Bora"]);

    const objected = await settle(() =>
      customerPage.action({
        request: post(editorCookie, `/w/objecting/customers/${ada}`, { intent: "object" }),
        params: { ...params, customer: String(ada) },
        context,
      }),
    );
    expect((objected.body as Response).headers.get("Location")).toBe(
      `/w/objecting/customers/${ada}?objected=1`,
    );
    expect(scope.first(schema.customers, undefined)).toMatchObject({
      name: "Ada",
      consentDataProcessing: false,
      consentDataProcessingSource: "customer page",
    });
    expect(names()).toEqual(["Bora"]);
    expect(customerCounts(scope)).toMatchObject({ total: 2, excluded: 1 });
    // Hidden from the editor now, as anyone the basis leaves out; the owner still sees them.
    const pageAs = async (cookie: string) =>
      (
        await settle(() =>
          customerPage.loader({
            request: requestAs(cookie, `/w/objecting/customers/${ada}`),
            params: { ...params, customer: String(ada) },
            context,
          }),
        )
      ).status;
    expect(await pageAs(editorCookie)).toBe(404);
    expect(await pageAs(ownerCookie)).toBe(200);
    const entry = db.$client
      .prepare(
        "SELECT actor_user_id, target FROM audit_log WHERE action = 'customer.objection_recorded'",
      )
      .get();
    expect(entry).toEqual({ actor_user_id: editorId, target: `customer:${ada}` });
  });
});

describe("contacting needs data-processing and channel consent under every basis", () => {
  it("builds the same SMS and e-mail audiences under each basis", async () => {
    const { workspace, scope } = await newWorkspace("contact");
    const ids = ["D1", "D2", "D3", "D4"];
    await importFile(
      "contact",
      "customers",
      csvFile("contact-customers.csv", [
        "customer_id,email,phone,KVKK Onayı,SMS İzni",
        "D1,d1@example.test,+905320000001,yes,yes",
        "D2,d2@example.test,+905320000002,yes,no",
        "D3,d3@example.test,+905320000003,,yes",
        "D4,d4@example.test,+905320000004,,no",
      ]),
    );
    await importFile("contact", "transactions", csvFile("contact-sales.csv", sales(ids)));
    const external = new Map(
      (
        db.$client
          .prepare("SELECT external_id, customer_id FROM customer_sources WHERE workspace_id = ?")
          .all(workspace.id) as { external_id: string; customer_id: number }[]
      ).map((row) => [row.customer_id, row.external_id]),
    );

    const audiences: Record<string, unknown> = {};
    for (const basis of schema.processingBases) {
      await cli("workspace", "set", "--workspace", "contact", "--processing-basis", basis);
      const rfm = await cli("segment", "rfm", "--workspace", "contact");
      expect(rfm.customers_scored).toBe(basis === "consent" ? 2 : 4);
      for (const channel of ["sms", "email"] as const) {
        const members = (rfm.segments as { segment: string; customers: number }[])
          .filter((s) => s.customers > 0)
          .flatMap(
            (s) =>
              buildAudienceFromSegment(scopeTo(db, workspace.id), {
                runId: rfm.run_id,
                segment: s.segment,
                channel,
                record: false,
              }).members,
          )
          .map((m) => external.get(m.customer_id));
        audiences[`${basis}:${channel}`] = members.sort();
      }
      // The data export for an owner's records follows the basis; it is not for contact.
      expect(exportCsv(scope, "customers").excluded).toBe(basis === "consent" ? 2 : 0);
    }
    expect(audiences).toEqual({
      "consent:sms": ["D1"],
      "consent:email": [],
      "legitimate-interest:sms": ["D1"],
      "legitimate-interest:email": [],
      "contract:sms": ["D1"],
      "contract:email": [],
    });
  });
});

describe("a transactions file alone", () => {
  it("makes customers that the list shows, RFM scores under legitimate interest, and erasure removes", async () => {
    const { workspace, scope } = await newWorkspace("sales-only");
    const summary = await importFile(
      "sales-only",
      "transactions",
      csvFile("sales-only.csv", [...sales(["T1", "T2", "T3"]), "anon-1,,2025-01-03,9"]),
    );
    expect(summary).toMatchObject({ rows_loaded: 7 });
    const profiles = () =>
      db.$client
        .prepare(
          `SELECT s.source, s.external_id, c.consent_data_processing AS consent,
                  (SELECT count(*) FROM transactions t WHERE t.customer_id = c.id) AS sales
           FROM customer_sources s JOIN customers c ON c.id = s.customer_id
           WHERE s.workspace_id = ? ORDER BY s.external_id`,
        )
        .all(workspace.id);
    expect(profiles()).toEqual([
      { source: "transactions", external_id: "T1", consent: null, sales: 2 },
      { source: "transactions", external_id: "T2", consent: null, sales: 2 },
      { source: "transactions", external_id: "T3", consent: null, sales: 2 },
    ]);

    // Under consent they are customers without consent: left out, and the result says why.
    const underConsent = await cli("segment", "rfm", "--workspace", "sales-only");
    expect(underConsent).toMatchObject({ customers_scored: 0, excluded_without_consent: 3 });
    expect(underConsent.empty_reason).toContain("All 3 customers lack");
    expect(listCustomers(scope, { limit: 10, offset: 0 })).toEqual([]);

    await cli(
      "workspace",
      "set",
      "--workspace",
      "sales-only",
      "--processing-basis",
      "legitimate-interest",
    );
    expect(listCustomers(scope, { limit: 10, offset: 0 }).map((c) => [c.name, c.sources])).toEqual([
      [null, "transactions:T1"],
      [null, "transactions:T2"],
      [null, "transactions:T3"],
    ]);
    const rfm = await cli("segment", "rfm", "--workspace", "sales-only");
    expect(rfm).toMatchObject({ customers_scored: 3, transactions_used: 6 });

    // Importing the same file again finds every id already carried: no new profile.
    await importFile(
      "sales-only",
      "transactions",
      csvFile("sales-only-again.csv", sales(["T1", "T4"])),
    );
    expect(profiles()).toHaveLength(4);

    // A customers file with the same id joins the profile made from the sales.
    await importFile(
      "sales-only",
      "customers",
      csvFile("crm.csv", ["customer_id,name", "T2,Tuna"]),
    );
    expect(listCustomers(scope, { limit: 10, offset: 0, search: "Tuna" })).toMatchObject([
      { name: "Tuna", sources: "transactions:T2, crm.csv:T2" },
    ]);

    const erased = eraseCustomer(scopeTo(db, workspace.id), { externalId: "T1" });
    expect(erased.removed).toMatchObject({ customers: 1, customer_sources: 1, transactions: 2 });
    expect(profiles().map((p) => (p as { external_id: string }).external_id)).toEqual([
      "T2",
      "T2",
      "T3",
      "T4",
    ]);
    const left = db.$client
      .prepare(
        "SELECT count(*) FROM transactions WHERE workspace_id = ? AND customer_external_id = 'T1'",
      )
      .pluck()
      .get(workspace.id);
    expect(left).toBe(0);
  });
});
