/**
 * Share links end to end through the real routes' loaders and actions: every link that does
 * not open (expired, revoked, paused, rotated, malformed, unknown) gets the identical 404; a
 * valid link shows the saved report and nothing identifying the workspace; the password
 * cookie is bound to one link, its generation and a few hours; the date range is clamped;
 * rate limits per network, per link and per password guess; only editors and owners manage,
 * only in their own workspace; the CSV export is formula-safe and behind the same checks.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { schema } from "~/db.server";
import { formatDateTime } from "~/format";
import { englishMessage } from "~/i18n/english";
import { reportKinds } from "~/reports/kinds.server";
import { createReport } from "~/reports/reports.server";
import * as root from "~/root";
import * as noToken from "~/routes/s._index";
import * as publicPage from "~/routes/s.$token";
import * as publicCsv from "~/routes/s.$token.$table[.csv]";
import * as sharePage from "~/routes/w.$workspace.reports.$report.share";
import * as linksPage from "~/routes/w.$workspace.reports.links";
import { listShareLinks, openShareLinkCount } from "~/sharing/list-share-links.server";
import { changeShareLink } from "~/sharing/manage-share-link.server";
import { hasShareAccess } from "~/sharing/share-access-cookie.server";
import { setShareLimitsForTesting } from "~/sharing/share-limits.server";
import {
  createShareLink,
  hashShareToken,
  newShareToken,
  type ShareLink,
  ShareLinkError,
} from "~/sharing/share-links.server";
import { workspaceTimeZoneOf } from "~/time-zone";
import { createUser } from "~/users.server";
import { createWorkspace, inviteMember } from "~/workspace.server";
import { BASE, cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";

const { db } = setUpTestDb();
const DAY = 86_400_000;

// Distinctive ids and slug, so "the page holds none of them" means something.
const SLUG = "zebra-bank-secret";
db.$client.exec(
  "INSERT INTO sqlite_sequence (name, seq) VALUES ('workspaces', 918272), ('share_links', 552000)",
);
const owner = await createUser({
  email: "owner@zebra.test",
  name: "Olga Owner",
  password: "correct horse battery",
});
const workspace = createWorkspace({ slug: SLUG, name: "Zebra Bank Internal" }, owner);
const scope = scopeTo(db, workspace.id);
const access = { user: owner, workspace, role: "owner" as const, scope };
await createUser({ email: "viewer@zebra.test", name: "V", password: "correct horse battery" });
inviteMember(access, { email: "viewer@zebra.test", role: "viewer" });
await createUser({ email: "editor@zebra.test", name: "E", password: "correct horse battery" });
inviteMember(access, { email: "editor@zebra.test", role: "editor" });
const idOf = (email: string) =>
  db.$client.prepare("SELECT id FROM users WHERE email = ?").pluck().get(email) as number;
const stranger = await createUser({
  email: "x@other.test",
  name: "X",
  password: "correct horse battery",
});
const otherWorkspace = createWorkspace({ slug: "other", name: "Other" }, stranger);
const otherScope = scopeTo(db, otherWorkspace.id);

const dataset = scope.insert(schema.datasets, {
  id: 731_905,
  kind: "campaigns",
  fileName: "campaigns.csv",
  status: "succeeded",
  uploadedBy: owner.id,
});
// Search: 2025-03-01 spend 100 revenue 500; 2025-03-02 spend 100 revenue 300; 2025-04-01 spend
// 1000 (outside the saved March dates). A channel named like a formula must stay text in CSV.
for (const [channel, date, spend, revenue] of [
  ["Search", "2025-03-01", 100, 500],
  ["Search", "2025-03-02", 100, 300],
  ["Search", "2025-04-01", 1000, 0],
  ['=HYPERLINK("x")', "2025-03-01", 50, 50],
] as const)
  scope.insert(campaigns, {
    datasetId: dataset.id,
    campaignKey: `${channel}-1`,
    name: `${channel} spring`,
    channel,
    date,
    spend,
    revenue,
    rowHash: `${channel}${date}`,
  });

const marchParams = { from: "2025-03-01", to: "2025-03-31", by: "channel" };
const report = scope.insert(schema.reports, {
  id: 604_118,
  kind: "campaign-roi",
  title: "March ROI",
  note: "For the agency",
  params: marchParams,
  mode: "live",
  createdBy: owner.id,
});
const otherReport = createReport(otherScope, stranger.id, {
  kind: "campaign-roi",
  title: "Other ROI",
  mode: "live",
});

type RoiData = {
  breakdown: { report: { totals: { totals: { sums: { spend: number } } } } };
  filters: { from?: string; to?: string; by: string };
};
const spendOf = (data: unknown) => (data as RoiData).breakdown.report.totals.totals.sums.spend;

let address = 0;
/** Each test its own client address, so the per-network limit never spills between tests. */
const nextAddress = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;

function open(
  token: string,
  init: { cookie?: string; search?: string; address?: string; lang?: string } = {},
) {
  const headers = new Headers();
  if (init.cookie) headers.set("Cookie", init.cookie);
  if (init.lang) headers.set("Accept-Language", init.lang);
  const request = new Request(`${BASE}/s/${token}${init.search ?? ""}`, { headers });
  return settle(() =>
    publicPage.loader({
      request,
      params: { token },
      context: { clientAddress: init.address ?? nextAddress() },
    } as never),
  );
}

function postPassword(token: string, password: string, addr = nextAddress()) {
  const request = new Request(`${BASE}/s/${token}`, {
    method: "POST",
    body: new URLSearchParams({ password }),
  });
  return settle(() =>
    publicPage.action({ request, params: { token }, context: { clientAddress: addr } } as never),
  );
}

async function describeResponse(result: { status: number; body: unknown }) {
  const response = result.body as Response;
  return {
    status: result.status,
    body: await response.text(),
    type: response.headers.get("Content-Type"),
    cache: response.headers.get("Cache-Control"),
  };
}

const page = (result: { body: unknown }) =>
  result.body as Extract<
    Awaited<ReturnType<typeof publicPage.loader>>["data"],
    { state: "report" }
  >;

describe("creating a link", () => {
  it("expires in 30 days by default and refuses 0 or more than 365", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const { link, token } = await createShareLink(scope, owner.id, report.id, {}, now);
    expect(link.expiresAt.toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.tokenHash).toBe(hashShareToken(token));
    expect(JSON.stringify(link)).not.toContain(token);
    for (const expiresInDays of [0, 366, 1.5])
      await expect(createShareLink(scope, owner.id, report.id, { expiresInDays })).rejects.toThrow(
        ShareLinkError,
      );
  });

  it("stores the password only as an argon2id hash and audits the creation", async () => {
    const { link } = await createShareLink(scope, owner.id, report.id, {
      password: "a long password",
    });
    expect(link.passwordHash).toMatch(/^\$argon2id\$/);
    const entry = db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.target, String(link.id)))
      .all()
      .find((e) => e.action === "share_link.create");
    expect(entry?.details).toMatchObject({ report: report.id, days: 30, password: true });
  });

  it("refuses a report of individual customers", async () => {
    const kind = reportKinds["campaign-roi"];
    const { token } = await createShareLink(scope, owner.id, report.id);
    kind.personal = true;
    try {
      await expect(createShareLink(scope, owner.id, report.id)).rejects.toThrow(
        "sharing:errors.notShareable",
      );
      // A link made before the kind became personal stops opening too.
      expect((await open(token)).status).toBe(404);
      const result = await settle(() =>
        sharePage.loader({
          request: requestAs(ownerCookie, `/w/${SLUG}/reports/${report.id}/share`),
          params: { workspace: SLUG, report: String(report.id) },
          context: {},
        } as never),
      );
      expect((result.body as { refusal: string }).refusal).toBe("personal");
    } finally {
      kind.personal = false;
    }
  });
});

let ownerCookie = "";
let viewerCookie = "";
let editorCookie = "";
let strangerCookie = "";
beforeAll(async () => {
  ownerCookie = await cookieFor(owner.id);
  viewerCookie = await cookieFor(idOf("viewer@zebra.test"));
  editorCookie = await cookieFor(idOf("editor@zebra.test"));
  strangerCookie = await cookieFor(stranger.id);
});

describe("links that do not open", () => {
  it("answer expired, revoked, paused, rotated, malformed and unknown tokens identically", async () => {
    const longAgo = new Date(Date.now() - 40 * DAY);
    const expired = (await createShareLink(scope, owner.id, report.id, {}, longAgo)).token;
    const revoked = await createShareLink(scope, owner.id, report.id);
    changeShareLink(scope, owner.id, revoked.link.id, "revoke");
    const paused = await createShareLink(scope, owner.id, report.id);
    changeShareLink(scope, owner.id, paused.link.id, "pause");
    const rotated = await createShareLink(scope, owner.id, report.id);
    changeShareLink(scope, owner.id, rotated.link.id, "rotate");
    const otherRevoked = await createShareLink(otherScope, stranger.id, otherReport.id);
    changeShareLink(otherScope, stranger.id, otherRevoked.link.id, "revoke");
    const live = await createShareLink(scope, owner.id, report.id);

    const tokens = {
      expired,
      revoked: revoked.token,
      paused: paused.token,
      "rotated (old token)": rotated.token,
      empty: "",
      ":token": ":token",
      "0": "0",
      random: newShareToken(),
      "another workspace's revoked link": otherRevoked.token,
      "the stored hash instead of the token": live.link.tokenHash,
      "one character short": live.token.slice(1),
      "with a slash": `${live.token.slice(1)}/`,
    };
    const expected = {
      status: 404,
      body: "This link is not valid",
      type: "text/plain; charset=utf-8",
      cache: "no-store",
    };
    for (const [why, token] of Object.entries(tokens)) {
      expect(await describeResponse(await open(token)), why).toEqual(expected);
      expect(await describeResponse(await postPassword(token, "whatever pw")), why).toEqual(
        expected,
      );
    }
    const index = await settle(() =>
      noToken.loader({ request: new Request(`${BASE}/s/`), params: {}, context: {} } as never),
    );
    expect(await describeResponse(index)).toEqual(expected);
    expect((await open(live.token)).status).toBe(200);

    // In the viewer's language: other words, but again one answer for every kind of token.
    const inWords = { "tr-TR,tr;q=0.9": "Bu bağlantı geçerli değil", ru: "Ссылка недействительна" };
    for (const [lang, body] of Object.entries(inWords)) {
      for (const [why, token] of Object.entries(tokens)) {
        expect(await describeResponse(await open(token, { lang })), `${lang} ${why}`).toEqual({
          ...expected,
          body,
        });
      }
      const headers = { "Accept-Language": lang };
      const bare = await settle(() =>
        noToken.loader({ request: new Request(`${BASE}/s/`, { headers }) } as never),
      );
      expect(await describeResponse(bare)).toEqual({ ...expected, body });
    }
  });

  it("resumes a paused link", async () => {
    const { link, token } = await createShareLink(scope, owner.id, report.id);
    const before = openShareLinkCount(scope, report.id);
    changeShareLink(scope, owner.id, link.id, "pause");
    expect(openShareLinkCount(scope, report.id)).toBe(before - 1);
    expect((await open(token)).status).toBe(404);
    changeShareLink(scope, owner.id, link.id, "resume");
    expect(openShareLinkCount(scope, report.id)).toBe(before);
    expect((await open(token)).status).toBe(200);
  });
});

describe("an open link", () => {
  it("shows the saved report, counts the opening and holds no id of the workspace", async () => {
    const { link, token } = await createShareLink(scope, owner.id, report.id);
    // The client's query is ignored: the link has no date-range control.
    const result = await open(token, { search: "?from=2025-04-01&to=2025-04-30&by=campaign" });
    expect(result.status).toBe(200);
    const shown = page(result);
    expect(shown).toMatchObject({ state: "report", title: "March ROI", note: "For the agency" });
    // March only: 100 + 100 + 50 = 250 (April's 1,000 lies outside the saved dates).
    expect(spendOf(shown.data)).toBe(250);
    expect((shown.data as RoiData).filters.by).toBe("channel");
    expect(shown.dateRange).toBeNull();

    const json = JSON.stringify(shown);
    for (const secret of [
      SLUG,
      "Zebra Bank Internal",
      String(workspace.id),
      String(report.id),
      String(dataset.id),
      String(link.id),
      owner.email,
      "Olga",
      link.tokenHash,
    ])
      expect(json, secret).not.toContain(secret);
    expect(json).not.toMatch(/"(workspaceId|reportId|datasetId|runId|customerId|id)"/);

    const [row] = listShareLinks(scope, { reportId: report.id }).filter((l) => l.id === link.id);
    expect(row).toMatchObject({ viewCount: 1, createdBy: "Olga Owner", state: "active" });
    expect(row?.lastOpenedAt).not.toBeNull();
    const headers = publicPage.headers({
      loaderHeaders: new Headers({ "Cache-Control": "private, no-cache" }),
      actionHeaders: new Headers(),
      parentHeaders: new Headers(),
    } as never) as Record<string, string>;
    expect(headers["Cache-Control"]).toBe("private, no-cache");
  });

  it("names the workspace's time zone, and titles the tab in the viewer's language", async () => {
    const { token } = await createShareLink(scope, owner.id, report.id);
    const set = (timeZone: string) =>
      db
        .update(schema.workspaces)
        .set({ timeZone })
        .where(eq(schema.workspaces.id, workspace.id))
        .run();
    set("Asia/Tokyo");
    try {
      const shown = page(await open(token));
      expect(shown.timeZone).toBe("Asia/Tokyo");
      // The page's formatters read the zone from this route's data (entry.server).
      expect(workspaceTimeZoneOf({ "routes/s.$token": shown })).toBe("Asia/Tokyo");
      expect(formatDateTime("2026-12-02T14:25:00Z", "tr", shown.timeZone)).toBe(
        "02.12.2026 23:25 UTC+9",
      );
    } finally {
      set("UTC");
    }
    for (const [lang, title] of [
      ["tr", "March ROI · paylaşılan rapor"],
      ["ru-RU,ru;q=0.9,en;q=0.5", "March ROI · общий отчёт"],
    ] as const) {
      const request = new Request(`${BASE}/s/${token}`, { headers: { "Accept-Language": lang } });
      const rootData = await root.loader({ request, params: {}, context: {} } as never);
      const shown = page(await open(token, { lang }));
      const matches = [{ id: "root", data: rootData }];
      const descriptors = publicPage.meta({ data: shown, matches } as never);
      expect(descriptors.find((d) => "title" in d)).toEqual({ title });
    }
  });

  it("narrows the dates only when allowed, and never beyond the saved ones", async () => {
    const { token } = await createShareLink(scope, owner.id, report.id, { allowDateRange: true });
    // Asked 2025-01-01 to 2025-03-01: clamped to 2025-03-01 → 100 + 50 = 150.
    const narrowed = page(await open(token, { search: "?from=2025-01-01&to=2025-03-01" }));
    expect(spendOf(narrowed.data)).toBe(150);
    expect(narrowed.dateRange).toEqual({
      from: "2025-03-01",
      to: "2025-03-01",
      savedFrom: "2025-03-01",
      savedTo: "2025-03-31",
    });
    // Asked to go past the end: clamped to 2025-03-31, April stays out → 250.
    const widened = page(await open(token, { search: "?from=2025-03-01&to=2025-12-31" }));
    expect(spendOf(widened.data)).toBe(250);
    expect(widened.tables.map((t) => t.href)[0]).toBe(
      `/s/${token}/figures-by-channel.csv?from=2025-03-01&to=2025-03-31`,
    );
  });
});

describe("password", () => {
  it("asks for it, refuses a wrong one and remembers a right one in a cookie of this link", async () => {
    const { link, token } = await createShareLink(scope, owner.id, report.id, {
      password: "open sesame please",
    });
    const first = await open(token);
    expect(first.body).toEqual({ state: "password", passwordProtected: true });
    expect(JSON.stringify(first.body)).not.toContain("March");

    const wrong = await postPassword(token, "not the password");
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: "sharing:errors.wrongPassword" });
    expect(englishMessage((wrong.body as { error: string }).error)).toBe(
      "That password is not right.",
    );

    const right = await postPassword(token, "open sesame please");
    expect(right.status).toBe(303);
    const response = right.body as Response;
    expect(response.headers.get("Location")).toBe(`/s/${token}`);
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toContain(`Path=/s/${token}`);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Max-Age=28800"); // 8 hours
    const cookie = setCookie.split(";")[0] as string;
    const opened = await open(token, { cookie });
    expect(page(opened).title).toBe("March ROI");

    // The cookie says until when it works, and the server checks it.
    const fresh = db
      .select()
      .from(schema.shareLinks)
      .where(eq(schema.shareLinks.id, link.id))
      .get() as ShareLink;
    const withCookie = new Request(`${BASE}/s/${token}`, { headers: { Cookie: cookie } });
    expect(await hasShareAccess(withCookie, fresh, new Date(Date.now() + 7 * 3_600_000))).toBe(
      true,
    );
    expect(await hasShareAccess(withCookie, fresh, new Date(Date.now() + 9 * 3_600_000))).toBe(
      false,
    );
  });

  it("does not let link A's cookie open link B", async () => {
    const a = await createShareLink(scope, owner.id, report.id, { password: "password of A!" });
    const b = await createShareLink(scope, owner.id, report.id, { password: "password of A!" });
    const right = await postPassword(a.token, "password of A!");
    const cookie = ((right.body as Response).headers.get("Set-Cookie") ?? "").split(
      ";",
    )[0] as string;
    expect((await open(a.token, { cookie })).body).toMatchObject({ state: "report" });
    expect((await open(b.token, { cookie })).body).toEqual({
      state: "password",
      passwordProtected: true,
    });
  });

  it("stops a still-valid cookie after rotating or revoking", async () => {
    const { link, token } = await createShareLink(scope, owner.id, report.id, {
      password: "rotate me later",
    });
    const right = await postPassword(token, "rotate me later");
    const cookie = ((right.body as Response).headers.get("Set-Cookie") ?? "").split(
      ";",
    )[0] as string;
    expect((await open(token, { cookie })).body).toMatchObject({ state: "report" });

    const newToken = changeShareLink(scope, owner.id, link.id, "rotate").token as string;
    expect((await open(token, { cookie })).status).toBe(404);
    // Even sent by hand to the new address, the old cookie opens nothing.
    expect((await open(newToken, { cookie })).body).toEqual({
      state: "password",
      passwordProtected: true,
    });
    const again = await postPassword(newToken, "rotate me later");
    const newCookie = ((again.body as Response).headers.get("Set-Cookie") ?? "").split(
      ";",
    )[0] as string;
    expect((await open(newToken, { cookie: newCookie })).body).toMatchObject({ state: "report" });

    changeShareLink(scope, owner.id, link.id, "revoke");
    expect((await open(newToken, { cookie: newCookie })).status).toBe(404);
    expect(() => changeShareLink(scope, owner.id, link.id, "resume")).toThrow("revoked");
  });
});

describe("rate limits", () => {
  beforeAll(() =>
    setShareLimitsForTesting({
      requestsPerAddress: { points: 3, seconds: 3600 },
      requestsPerLink: { points: 5, seconds: 3600 },
      passwordFailuresPerLinkAndAddress: { points: 2, seconds: 3600 },
      passwordFailuresPerLink: { points: 3, seconds: 3600 },
    }),
  );
  afterAll(() => setShareLimitsForTesting(undefined));

  it("limits one network, valid token or not", async () => {
    const { token } = await createShareLink(scope, owner.id, report.id);
    const guesser = "192.0.2.7";
    expect((await open(newShareToken(), { address: guesser })).status).toBe(404);
    expect((await open("0", { address: guesser })).status).toBe(404);
    expect((await open(token, { address: guesser })).status).toBe(200);
    const limited = await open(token, { address: guesser });
    expect(limited.status).toBe(429);
    expect((limited.body as Response).headers.get("Retry-After")).toMatch(/^\d+$/);
    expect((await open(token, { address: "192.0.2.8" })).status).toBe(200);
  });

  it("limits one link across networks", async () => {
    const { token } = await createShareLink(scope, owner.id, report.id);
    for (let i = 0; i < 5; i++) expect((await open(token)).status).toBe(200);
    expect((await open(token)).status).toBe(429);
    expect((await open((await createShareLink(scope, owner.id, report.id)).token)).status).toBe(
      200,
    );
  });

  it("limits password guesses per link and network, then per link", async () => {
    const { token } = await createShareLink(scope, owner.id, report.id, {
      password: "the right one!",
    });
    const guesser = "198.51.100.1";
    expect((await postPassword(token, "guess 1", guesser)).status).toBe(400);
    expect((await postPassword(token, "guess 2", guesser)).status).toBe(400);
    const locked = await postPassword(token, "the right one!", guesser);
    expect(locked.status).toBe(429);
    expect(englishMessage((locked.body as { error: string }).error)).toMatch(
      /^Too many wrong passwords/,
    );
    // Another network: one more failure reaches the link's own limit of 3.
    expect((await postPassword(token, "guess 3", "198.51.100.2")).status).toBe(400);
    expect((await postPassword(token, "the right one!", "198.51.100.3")).status).toBe(429);
  });
});

describe("CSV of a shared report", () => {
  function csv(token: string, table: string, cookie?: string, lang?: string) {
    const headers = new Headers(cookie ? { Cookie: cookie } : {});
    if (lang) headers.set("Accept-Language", lang);
    return settle(() =>
      publicCsv.loader({
        request: new Request(`${BASE}/s/${token}/${table}.csv`, { headers }),
        params: { token, table },
        context: { clientAddress: nextAddress() },
      } as never),
    );
  }

  it("exports the table formula-safe, and only under the page's checks", async () => {
    const { link, token } = await createShareLink(scope, owner.id, report.id);
    const ok = await csv(token, "figures-by-channel");
    expect(ok.status).toBe(200);
    const response = ok.body as Response;
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="march-roi-figures-by-channel.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("channel,spend,")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")",50,`);
    expect(text).toContain("\r\nSearch,200,");
    expect((await csv(token, "no-such-table")).status).toBe(404);
    changeShareLink(scope, owner.id, link.id, "revoke");
    expect(await describeResponse(await csv(token, "figures-by-channel"))).toMatchObject({
      status: 404,
      body: "This link is not valid",
    });
    const locked = await createShareLink(scope, owner.id, report.id, { password: "csv password!" });
    expect((await csv(locked.token, "figures-by-channel")).status).toBe(403);
  });

  it("names the columns in the viewer's language and answers in it", async () => {
    const { token } = await createShareLink(scope, owner.id, report.id);
    const header = async (lang: string) => {
      const result = await csv(token, "figures-by-channel", undefined, lang);
      const text = await (result.body as Response).text();
      return text.replace(/^\uFEFF/, "").split("\r\n")[0];
    };
    expect(await header("tr")).toBe(
      "Kanal,Harcama,Gösterim,Tıklama,Dönüşüm,Gelir,ROI,ROAS,CPA,CPC,CPM,TO (CTR)," +
        "Dönüşüm oranı,ROI alt sınır,ROI üst sınır",
    );
    expect(await header("ru-RU,ru;q=0.8")).toMatch(
      /^Канал,Расходы,Показы,Клики,Конверсии,Выручка,/,
    );
    expect(await header("en")).toMatch(/^channel,spend,impressions,/);
    const locked = await createShareLink(scope, owner.id, report.id, { password: "csv password!" });
    const refused = await csv(locked.token, "figures-by-channel", undefined, "ru");
    expect(refused.status).toBe(403);
    expect(await (refused.body as Response).text()).toBe(
      "Сначала введите пароль ссылки на её странице.",
    );
  });
});

describe("managing links", () => {
  const url = `/w/${SLUG}/reports/${report.id}/share`;
  const params = { workspace: SLUG, report: String(report.id) };
  function post(
    cookie: string,
    body: Record<string, string>,
    path = url,
    p: Record<string, string> = params,
  ) {
    return settle(() =>
      (path.endsWith("/links") ? linksPage : sharePage).action({
        request: requestAs(cookie, path, { method: "POST", body: new URLSearchParams(body) }),
        params: p,
        context: {},
      } as never),
    );
  }

  it("creates a link shown once as a full URL that opens the report", async () => {
    const result = await post(editorCookie, { intent: "create", expiresInDays: "7", password: "" });
    expect(result.status).toBe(200);
    const created = result.body as { url: string; notice: string };
    expect(created.url).toMatch(/^http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{43}$/);
    const token = created.url.split("/s/")[1] as string;
    expect(page(await open(token)).title).toBe("March ROI");
    const shown = await settle(() =>
      sharePage.loader({ request: requestAs(editorCookie, url), params, context: {} } as never),
    );
    expect(JSON.stringify(shown.body)).not.toContain(token);
  });

  it("says what is wrong with the form", async () => {
    const tooLong = await post(ownerCookie, { intent: "create", expiresInDays: "400" });
    expect(tooLong.status).toBe(400);
    expect(
      englishMessage((tooLong.body as { errors: Record<string, string> }).errors.expiresInDays),
    ).toBe("A link works for at most 365 days (a year)");
    const short = await post(ownerCookie, {
      intent: "create",
      expiresInDays: "30",
      password: "short",
    });
    expect(englishMessage((short.body as { errors: Record<string, string> }).errors.password)).toBe(
      "A link password needs at least 10 characters",
    );
  });

  it("rotates from the workspace's links page and shows the new URL once", async () => {
    const { link, token } = await createShareLink(scope, owner.id, report.id);
    const result = await post(
      ownerCookie,
      { intent: "rotate", id: String(link.id) },
      `/w/${SLUG}/reports/links`,
      {
        workspace: SLUG,
      },
    );
    const url2 = (result.body as { url: string }).url;
    expect(url2).not.toContain(token);
    expect((await open(token)).status).toBe(404);
    expect((await open(url2.split("/s/")[1] as string)).status).toBe(200);
  });

  it("lets viewers see the links but not change them", async () => {
    const { link } = await createShareLink(scope, owner.id, report.id);
    const shown = await settle(() =>
      linksPage.loader({
        request: requestAs(viewerCookie, `/w/${SLUG}/reports/links`),
        params: { workspace: SLUG },
        context: {},
      } as never),
    );
    expect((shown.body as { canManage: boolean }).canManage).toBe(false);
    for (const body of [
      { intent: "create", expiresInDays: "30" } as Record<string, string>,
      { intent: "revoke", id: String(link.id) },
    ])
      expect((await post(viewerCookie, body)).status).toBe(403);
    expect(listShareLinks(scope).find((l) => l.id === link.id)?.state).toBe("active");
  });

  it("cannot touch another workspace's link, even from one's own report page", async () => {
    const theirs = await createShareLink(otherScope, stranger.id, otherReport.id);
    // The stranger is not a member here: 404.
    expect(
      (await post(strangerCookie, { intent: "revoke", id: String(theirs.link.id) })).status,
    ).toBe(404);
    // The owner here names the other workspace's link id on their own page: 404, untouched.
    expect((await post(ownerCookie, { intent: "revoke", id: String(theirs.link.id) })).status).toBe(
      404,
    );
    expect(
      (
        await post(
          ownerCookie,
          { intent: "revoke", id: String(theirs.link.id) },
          `/w/${SLUG}/reports/links`,
          {
            workspace: SLUG,
          },
        )
      ).status,
    ).toBe(404);
    expect(listShareLinks(otherScope).find((l) => l.id === theirs.link.id)?.state).toBe("active");
  });

  it("audits every change", async () => {
    const { link } = await createShareLink(scope, owner.id, report.id);
    for (const change of ["pause", "resume", "rotate", "revoke"] as const)
      changeShareLink(scope, owner.id, link.id, change);
    const actions = db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.target, String(link.id)))
      .all()
      .map((e) => e.action);
    expect(actions).toEqual([
      "share_link.create",
      "share_link.pause",
      "share_link.resume",
      "share_link.rotate",
      "share_link.revoke",
    ]);
  });
});
