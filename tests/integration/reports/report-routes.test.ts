/**
 * The Reports pages through their routes: saving a page as a report keeps only that page's
 * parameters; the list renames, edits notes, duplicates and deletes (editors only); a report
 * page shows its data with the link back to its page; each table downloads as a formula-safe
 * CSV; a snapshot's CSV stays as saved while a live one follows new rows within its dates.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { campaigns } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { bumpDataVersion } from "~/data-version.server";
import { schema } from "~/db.server";
import { englishT } from "~/i18n/english";
import { localeT } from "~/i18n/locale-t";
import { paramsOfQuery, searchParams, toSearchParams } from "~/reports/kinds/report-kind.server";
import { paramsInWords } from "~/reports/params-in-words";
import { findReport, listReports, reportPagePath } from "~/reports/reports.server";
import * as reportsList from "~/routes/w.$workspace.reports._index";
import * as reportPage from "~/routes/w.$workspace.reports.$report._index";
import * as tableCsv from "~/routes/w.$workspace.reports.$report.$table[.csv]";
import { importTrendsCsv } from "~/scraping/trends-upload.server";
import { createUser } from "~/users.server";
import { createWorkspace, inviteMember } from "~/workspace.server";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";

const { db } = setUpTestDb();
const context = { clientAddress: "127.0.0.1" };

const owner = await createUser({
  email: "o@shop.test",
  name: "Olga",
  password: "correct horse battery",
});
const workspace = createWorkspace({ slug: "shop", name: "Shop" }, owner);
const scope = scopeTo(db, workspace.id);
await createUser({ email: "v@shop.test", name: "Vera", password: "correct horse battery" });
inviteMember(
  { user: owner, workspace, role: "owner", scope },
  { email: "v@shop.test", role: "viewer" },
);
const viewerId = db.$client
  .prepare("SELECT id FROM users WHERE email = 'v@shop.test'")
  .pluck()
  .get() as number;
const ownerCookie = await cookieFor(owner.id);
const viewerCookie = await cookieFor(viewerId);

function addDay(channel: string, date: string, spend: number, revenue: number) {
  scope.insert(campaigns, {
    campaignKey: `${channel}-1`,
    name: `${channel} spring`,
    channel,
    date,
    spend,
    revenue,
    rowHash: `${channel}${date}`,
  });
  // As an import's publish does: pages keep their figures per data version.
  bumpDataVersion(scope);
}
// Search: spend 100, revenue 400 → ROI (400 − 100) / 100 = 3. A formula-like channel name.
addDay("Search", "2025-03-01", 100, 400);
addDay('=HYPERLINK("x")', "2025-03-01", 50, 50);

const listUrl = "/w/shop/reports?index";
const post = (cookie: string, fields: Record<string, string>) =>
  requestAs(cookie, listUrl, { method: "POST", body: new URLSearchParams(fields) });

async function save(mode: "snapshot" | "live", title: string): Promise<number> {
  const result = await settle(() =>
    reportsList.action({
      request: post(ownerCookie, {
        intent: "create",
        kind: "campaign-roi",
        title,
        note: "For the Monday meeting",
        mode,
        search: "?from=2025-03-01&to=2025-03-31&by=channel&junk=%3D1",
      }),
      params: { workspace: "shop" },
      context,
    }),
  );
  expect(result.status).toBe(302);
  const location = (result.body as Response).headers.get("Location") ?? "";
  expect(location).toMatch(/^\/w\/shop\/reports\/\d+$/);
  return Number(location.split("/").at(-1));
}

const pageOf = async (id: number, cookie = ownerCookie) =>
  (
    await settle(() =>
      reportPage.loader({
        request: requestAs(cookie, `/w/shop/reports/${id}`),
        params: { workspace: "shop", report: String(id) },
        context,
      }),
    )
  ).body as Awaited<ReturnType<typeof reportPage.loader>>;

async function csvOf(id: number, table: string) {
  const result = await settle(() =>
    tableCsv.loader({
      request: requestAs(ownerCookie, `/w/shop/reports/${id}/${table}.csv`),
      params: { workspace: "shop", report: String(id), table },
      context,
    }),
  );
  return {
    status: result.status,
    text: result.status === 200 ? await (result.body as Response).text() : "",
    disposition: (result.body as Response).headers.get("Content-Disposition"),
  };
}

describe("saving a page as a report", () => {
  it("keeps the page's parameters and drops the rest", async () => {
    const id = await save("snapshot", "March ROI");
    const report = findReport(scope, id);
    expect(report?.params).toEqual({ from: "2025-03-01", to: "2025-03-31", by: "channel" });
    expect(report?.note).toBe("For the Monday meeting");
    expect(report?.snapshotAt).toBeInstanceOf(Date);
  });

  it("says what is wrong with a bad save, in the user's words", async () => {
    const result = await settle(() =>
      reportsList.action({
        request: post(ownerCookie, { intent: "create", kind: "nope", title: " ", mode: "x" }),
        params: { workspace: "shop" },
        context,
      }),
    );
    expect(result.status).toBe(400);
    const message = (result.body as { errors: { form: string } }).errors.form;
    expect(message).toContain("This page cannot be saved as a report");
    expect(message).toContain("Give the report a title");
    expect(message).toContain("Choose snapshot or live");
  });

  it("refuses a viewer", async () => {
    const result = await settle(() =>
      reportsList.action({
        request: post(viewerCookie, {
          intent: "create",
          kind: "campaign-roi",
          title: "Mine",
          mode: "live",
        }),
        params: { workspace: "shop" },
        context,
      }),
    );
    expect(result.status).toBe(403);
  });
});

describe("the report page and its CSV", () => {
  it("shows the data, its parameters in words and the way back to its page", async () => {
    const id = await save("snapshot", "Page test");
    const page = await pageOf(id);
    expect(page.report.title).toBe("Page test");
    expect(page.view?.kind).toBe("campaign-roi");
    expect(page.pagePath).toBe("/w/shop/campaigns?from=2025-03-01&to=2025-03-31&by=channel");
    expect(page.personal).toBe(false);
    expect(page.tables.map((t) => t.name)).toEqual(["figures-by-channel", "campaigns"]);
    // Two channels and the totals row.
    expect(page.tables[0]?.rows).toBe(3);
    expect(paramsInWords(englishT, page.view?.params ?? {})).toEqual([
      "From: 2025-03-01",
      "To: 2025-03-31",
      "Broken down by: channel",
    ]);
    const viewer = await pageOf(id, viewerCookie);
    expect(viewer.canEdit).toBe(false);
    expect(viewer.view?.kind).toBe("campaign-roi");
  });

  it("exports each table as CSV with formulas neutralised and numbers kept", async () => {
    const id = await save("snapshot", "CSV test");
    const csv = await csvOf(id, "figures-by-channel");
    expect(csv.status).toBe(200);
    expect(csv.disposition).toContain('filename="csv-test-figures-by-channel.csv"');
    const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]?.startsWith("channel,spend,impressions,clicks,conversions,revenue,")).toBe(
      true,
    );
    const search = lines.find((l) => l.startsWith("Search,"));
    // channel, spend, impressions, clicks, conversions, revenue, then ratios: ROI = 3.
    expect(search?.startsWith("Search,100,")).toBe(true);
    expect(search?.split(",")).toContain("3");
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.text).not.toMatch(/(^|\r\n)=HYPERLINK/);
    expect((await csvOf(id, "no-such-table")).status).toBe(404);
  });

  it("keeps a snapshot's figures and follows new rows in a live report's dates", async () => {
    const snapshot = await save("snapshot", "Frozen");
    const live = await save("live", "Live");
    addDay("Search", "2025-03-02", 20, 0);
    addDay("Search", "2025-04-02", 1000, 0); // after the saved dates
    const spendOfSearch = async (id: number) => {
      const { text } = await csvOf(id, "figures-by-channel");
      const row = text.split("\r\n").find((l) => l.startsWith("Search,"));
      return Number(row?.split(",")[1]);
    };
    expect(await spendOfSearch(snapshot)).toBe(100);
    expect(await spendOfSearch(live)).toBe(120);
    const page = await pageOf(live);
    expect(page.report.mode).toBe("live");
  });
});

describe("the reports list", () => {
  const act = (cookie: string, fields: Record<string, string>) =>
    settle(() =>
      reportsList.action({ request: post(cookie, fields), params: { workspace: "shop" }, context }),
    );

  it("lists title, kind, mode and who created it", async () => {
    await save("live", "Listed");
    const list = (
      await settle(() =>
        reportsList.loader({
          request: requestAs(viewerCookie, listUrl),
          params: { workspace: "shop" },
          context,
        }),
      )
    ).body as Awaited<ReturnType<typeof reportsList.loader>>;
    const row = list.reports.find((r) => r.title === "Listed");
    expect(row).toMatchObject({ kind: "campaign-roi", mode: "live", createdBy: "Olga" });
    expect(list.canEdit).toBe(false);
  });

  it("renames, edits the note, duplicates and deletes", async () => {
    const id = await save("snapshot", "Old name");
    expect(
      (await act(ownerCookie, { intent: "rename", id: String(id), title: "New name" })).status,
    ).toBe(200);
    expect(findReport(scope, id)?.title).toBe("New name");
    await act(ownerCookie, { intent: "note", id: String(id), note: "Shown to the board" });
    expect(findReport(scope, id)?.note).toBe("Shown to the board");
    const duplicated = await act(ownerCookie, { intent: "duplicate", id: String(id) });
    const copyId = (duplicated.body as { id: number }).id;
    const copy = findReport(scope, copyId);
    expect(copy?.title).toBe("New name (copy)");
    expect(copy?.snapshot).toEqual(findReport(scope, id)?.snapshot);
    await act(ownerCookie, { intent: "delete", id: String(id) });
    expect(findReport(scope, id)).toBeUndefined();
    expect(listReports(scope).some((r) => r.id === copyId)).toBe(true);
  });

  it("says why a rename is refused and refuses viewers", async () => {
    const id = await save("live", "Keep me");
    const empty = await act(ownerCookie, { intent: "rename", id: String(id), title: "  " });
    expect(empty.status).toBe(400);
    expect((empty.body as { errors: { title: string } }).errors.title).toBe(
      "Give the report a title",
    );
    for (const intent of ["rename", "note", "duplicate", "delete"]) {
      const refused = await act(viewerCookie, { intent, id: String(id), title: "x", note: "x" });
      expect(refused.status).toBe(403);
    }
    expect(findReport(scope, id)?.title).toBe("Keep me");
    expect((await act(ownerCookie, { intent: "delete", id: "999999" })).status).toBe(404);
  });
});

describe("saved parameters", () => {
  it("keeps repeated parameters as lists and writes them back into the page's URL", () => {
    const params = searchParams(["ma"], ["kw"]).parse(
      paramsOfQuery(new URLSearchParams("kw=shoes&kw=boots&ma=1&other=x")),
    );
    expect(params).toEqual({ ma: "1", kw: ["shoes", "boots"] });
    expect(toSearchParams(params).toString()).toBe("ma=1&kw=shoes&kw=boots");
    expect(paramsInWords(englishT, params)).toEqual([
      "Moving average: on",
      "Keywords: shoes, boots",
    ]);
  });

  it("words plan bounds, locks and chosen values in the reader's language", () => {
    const params = { goal: "revenue", min_0: "500", max_1: "2x", lock: ["Search"] };
    expect(paramsInWords(englishT, params, ["Search", "Display"])).toEqual([
      "Plan goal: most revenue",
      "Plan minimum, Search: 500",
      "Plan maximum, Display: 2× current spend",
      "Locked channels: Search",
    ]);
    expect(paramsInWords(localeT("tr"), params, ["Search"])).toEqual([
      "Plan hedefi: en çok gelir",
      "Plan alt sınırı, Search: 500",
      "Plan üst sınırı, 2. kanal: mevcut harcamanın 2 katı",
      "Sabitlenen kanallar: Search",
    ]);
    expect(paramsInWords(localeT("ru"), { by: "campaign", granularity: "week" })).toEqual([
      "Разбивка: кампания",
      "Разбивка по времени: неделя",
    ]);
  });

  it("links back to the page it was saved from, with its query", () => {
    expect(reportPagePath("shop", { kind: "campaign-roi", params: { from: "2025-03-01" } })).toBe(
      "/w/shop/campaigns?from=2025-03-01",
    );
  });
});

describe("a channels report", () => {
  it("keeps the compared channels, lists the catalogue and freezes a snapshot", async () => {
    scope.insert(schema.channelAudiences, {
      channelName: "Daily News",
      channelType: "newspaper",
      shares: { age: { age_25_34: 1 } },
      monthlyVisits: 120000,
      rowHash: "daily-news",
    });
    const result = await settle(() =>
      reportsList.action({
        request: post(ownerCookie, {
          intent: "create",
          kind: "channels",
          title: "Channels",
          mode: "snapshot",
          search: "?compare=%40news&compare=%40sport&junk=1",
        }),
        params: { workspace: "shop" },
        context,
      }),
    );
    const id = Number((result.body as Response).headers.get("Location")?.split("/").at(-1));
    expect(findReport(scope, id)?.params).toEqual({ compare: ["@news", "@sport"] });
    const page = await pageOf(id);
    expect(page.pagePath).toBe("/w/shop/channels?compare=%40news&compare=%40sport");
    expect(page.tables).toEqual([{ name: "channels", rows: 1 }]);
    scope.insert(schema.channelAudiences, {
      channelName: "Radio One",
      shares: {},
      rowHash: "radio-one",
    });
    // The snapshot still lists one channel; the CSV has its header and that row.
    const { text } = await csvOf(id, "channels");
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]?.startsWith("Daily News,")).toBe(true);
  });
});

describe("a sites report", () => {
  it("keeps the chosen sites and exports a table per figure group", async () => {
    const result = await settle(() =>
      reportsList.action({
        request: post(ownerCookie, {
          intent: "create",
          kind: "sites",
          title: "Sites",
          mode: "live",
          search: "?site=shop.example&site=rival.example&compare=x",
        }),
        params: { workspace: "shop" },
        context,
      }),
    );
    const id = Number((result.body as Response).headers.get("Location")?.split("/").at(-1));
    expect(findReport(scope, id)?.params).toEqual({ site: ["shop.example", "rival.example"] });
    const page = await pageOf(id);
    expect(page.pagePath).toBe("/w/shop/sites?site=shop.example&site=rival.example");
    // No site statistics scraped: both tables exist, empty, and the CSV has only its header.
    expect(page.tables).toEqual([
      { name: "sites", rows: 0 },
      { name: "traffic-sources", rows: 0 },
    ]);
    // (Response.text() drops the byte-order mark; the e2e test reads the file's bytes.)
    const { text } = await csvOf(id, "sites");
    expect(text).toBe(
      "site,last_month_visits,bounce_rate,avg_visit_duration_seconds,pages_per_visit\r\n",
    );
  });
});

describe("a trends report", () => {
  it("keeps the keywords and the moving average, and exports the interest points", async () => {
    const csv = fs.readFileSync("tests/fixture-site/pages/trends-multiTimeline.csv", "utf8");
    importTrendsCsv(scope, csv, "multiTimeline.csv");
    const result = await settle(() =>
      reportsList.action({
        request: post(ownerCookie, {
          intent: "create",
          kind: "trends",
          title: "Card interest",
          mode: "snapshot",
          search: "?kw=kredi+kart%C4%B1&ma=0&site=x",
        }),
        params: { workspace: "shop" },
        context,
      }),
    );
    const id = Number((result.body as Response).headers.get("Location")?.split("/").at(-1));
    expect(findReport(scope, id)?.params).toEqual({ ma: "0", kw: ["kredi kartı"] });
    const page = await pageOf(id);
    expect(page.tables.map((t) => t.name)).toEqual(["growth", "interest", "rising-queries"]);
    // One keyword, three weeks: 72, 75, 100 (no moving average).
    const { text } = await csvOf(id, "interest");
    expect(text.trim().split("\r\n")).toEqual([
      "keyword,period,interest",
      "kredi kartı,2025-11-23,72",
      "kredi kartı,2025-11-30,75",
      "kredi kartı,2025-12-07,100",
    ]);
  });
});
