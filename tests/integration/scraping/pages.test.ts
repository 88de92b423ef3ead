// The Scrapers and Trends page actions through their route modules: roles, validation
// messages, the "Test" button against the fixture site, run now / pause / resume / delete,
// and the trends CSV upload (size-limited, editors only).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { englishMessage } from "~/i18n/english";
import { localeT } from "~/i18n/locale-t";
import { translateMessage } from "~/i18n/message";
import { sourceTestLimit } from "~/rate-limit.server";
import * as scrapers from "~/routes/w.$workspace.scrapers";
import * as trendsPage from "~/routes/w.$workspace.trends";
import {
  checkConfig,
  getSource,
  listSources,
  type SourceInputError,
} from "~/scraping/sources.server";
import { createUser } from "~/users.server";
import { createWorkspace, inviteMember } from "~/workspace.server";
import { readPage } from "../../fixture-site/pages";
import { type FixtureSite, startFixtureSite } from "../../fixture-site/server";
import { english } from "../../helpers/english";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { observationsOf, scrapingTestDb } from "./support";

const { db } = scrapingTestDb();
let site: FixtureSite;
let editor = "";
let viewer = "";
let scope: ReturnType<typeof scopeTo>;
const params = { workspace: "pages" };

beforeAll(async () => {
  site = await startFixtureSite();
  const owner = await createUser({
    email: "ed@p.test",
    name: "Ed",
    password: "correct horse battery",
  });
  const reader = await createUser({
    email: "vi@p.test",
    name: "Vi",
    password: "correct horse battery",
  });
  const workspace = createWorkspace({ slug: "pages", name: "Pages" }, owner);
  scope = scopeTo(db, workspace.id);
  inviteMember(
    { user: owner, workspace, role: "owner", scope },
    { email: "vi@p.test", role: "viewer" },
  );
  editor = await cookieFor(owner.id);
  viewer = await cookieFor(reader.id);
});
afterAll(() => site.close());

function post(cookie: string, fields: Record<string, string>) {
  const request = requestAs(cookie, "/w/pages/scrapers", {
    method: "POST",
    body: new URLSearchParams(fields),
  });
  return settle(() =>
    scrapers.action({ request, params, context: { clientAddress: "127.0.0.1" } }),
  );
}

const telegram = () => ({
  adapter: "telegram",
  name: "Acme",
  channel: "@acme_news",
  baseUrl: site.url,
  schedule: "*/15 * * * *",
});

describe("Scrapers page", () => {
  it("tests a source without saving it: shows what the page yields", async () => {
    const { status, body } = await post(editor, { ...telegram(), intent: "test" });
    expect(status).toBe(200);
    const test = (body as { test: { ok: boolean; total: number; observations: unknown[] } }).test;
    expect(test).toMatchObject({ ok: true, url: `${site.url}/s/acme_news` });
    expect(test.observations).toContainEqual(
      expect.objectContaining({ entity: "acme_news", metric: "subscribers", value: 12_500 }),
    );
    expect(listSources(scope)).toHaveLength(0);
  });

  it("refuses to test an address the guard blocks", async () => {
    const fields = { ...telegram(), baseUrl: "http://127.0.0.2:9", intent: "test" };
    const { body } = await post(editor, fields);
    expect((body as { test: { ok: boolean; error: string } }).test).toEqual({
      ok: false,
      error: expect.stringMatching(/^refused to connect to 127\.0\.0\.2/),
    });
  });

  it("limits tests per user, since each may start a browser page in the web process", async () => {
    // An invalid channel name fails before any fetch, so only the limit is exercised.
    const invalid = { ...telegram(), channel: "x", intent: "test" };
    const errors: string[] = [];
    for (let i = 0; i <= sourceTestLimit.points; i++) {
      const { body } = await post(editor, invalid);
      errors.push((body as { test: { error: string } }).test.error);
    }
    expect(englishMessage(errors[0])).not.toMatch(/Too many tests/);
    expect(englishMessage(errors.at(-1))).toMatch(
      /^Too many tests in a short time; try again in \d+ s\.$/,
    );
    expect(translateMessage(localeT("tr"), errors.at(-1))).toMatch(
      /^Kısa sürede çok fazla deneme; \d+ sn sonra yeniden deneyin\.$/,
    );
    expect(translateMessage(localeT("ru"), errors.at(-1))).toMatch(
      /^Слишком много проверок за короткое время; повторите через \d+ с\.$/,
    );
  });

  it("explains what is wrong with a new source, field by field", async () => {
    const fields = { ...telegram(), channel: "x", schedule: "every day", intent: "create" };
    const { status, body } = await post(editor, fields);
    expect(status).toBe(400);
    const { errors } = body as { errors: Record<string, string> };
    expect(english(errors)).toEqual({ channel: "not a Telegram channel name" });
    // The adapter's own check is a code, worded in the reader's language.
    expect(translateMessage(localeT("tr"), errors.channel)).toBe("Bir Telegram kanal adı değil");
    expect(translateMessage(localeT("ru"), errors.channel)).toBe("Это не имя канала Telegram");
    // zod's built-in checks are worded too ("Too small: expected string…" before).
    let tooFew = "";
    try {
      checkConfig("trends", { keywords: [] });
    } catch (error) {
      tooFew = (error as SourceInputError).errors.keywords ?? "";
    }
    expect(englishMessage(tooFew)).toBe("Give at least 1");
    expect(translateMessage(localeT("tr"), tooFew)).toBe("En az 1 tane verin");
    expect(translateMessage(localeT("ru"), tooFew)).toBe("Укажите не меньше 1");
    const empty = await post(editor, { ...telegram(), channel: "", intent: "create" });
    const required = (empty.body as { errors: Record<string, string> }).errors;
    expect(Object.keys(required)).toEqual(["channel"]);
    expect(englishMessage(required.channel)).toBe("Required");
    expect(translateMessage(localeT("tr"), required.channel)).toBe("Zorunlu");
    expect(translateMessage(localeT("ru"), required.channel)).toBe("Обязательно");
    const badCron = await post(editor, { ...telegram(), schedule: "every day", intent: "create" });
    const cron = (badCron.body as { errors: Record<string, string> }).errors.schedule;
    expect(englishMessage(cron)).toMatch(/^Not a cron expression/);
    expect(translateMessage(localeT("tr"), cron)).toMatch(/^Cron ifadesi değil \(dakika saat/);
    expect(translateMessage(localeT("ru"), cron)).toMatch(/^Это не выражение cron/);
    const noName = await post(editor, { ...telegram(), name: "", intent: "create" });
    const nameError = (noName.body as { errors: Record<string, string> }).errors.name;
    expect(translateMessage(localeT("tr"), nameError)).toBe("Bir ad girin");
    expect(translateMessage(localeT("ru"), nameError)).toBe("Введите название");
  });

  it("creates a source, runs it now, pauses, resumes and deletes it", async () => {
    const created = await post(editor, { ...telegram(), intent: "create" });
    expect(created.status).toBe(302);
    const [source] = listSources(scope);
    expect(source).toMatchObject({
      name: "Acme",
      config: { channel: "acme_news", baseUrl: site.url },
    });
    const id = String(source?.id);

    await post(editor, { intent: "run", id });
    const queued = db.select().from(jobs).where(eq(jobs.workspaceId, scope.workspaceId)).all();
    expect(queued.map((j) => [j.kind, j.payload.trigger])).toEqual([["scrape-source", "manual"]]);

    await post(editor, { intent: "pause", id });
    expect(getSource(scope, Number(id))?.enabled).toBe(false);
    await post(editor, { intent: "resume", id });
    expect(getSource(scope, Number(id))?.enabled).toBe(true);

    const page = await settle(() =>
      scrapers.loader({
        request: requestAs(viewer, "/w/pages/scrapers"),
        params,
        context: { clientAddress: "127.0.0.1" },
      }),
    );
    expect(page.body).toMatchObject({
      canEdit: false,
      sources: [{ name: "Acme", pending: "queued" }],
    });

    // Without the confirmation step's field nothing is removed: the action sends the
    // editor to the confirmation, which says what would go.
    const unconfirmed = await post(editor, { intent: "delete", id });
    expect(unconfirmed.status).toBe(302);
    expect(listSources(scope)).toHaveLength(1);
    await post(editor, { intent: "delete", id, confirmed: "yes" });
    expect(listSources(scope)).toHaveLength(0);
  });

  it("lets viewers read but not configure", async () => {
    expect((await post(viewer, { ...telegram(), intent: "create" })).status).toBe(403);
    expect((await post(viewer, { ...telegram(), intent: "test" })).status).toBe(403);
  });
});

describe("Trends CSV upload", () => {
  function upload(cookie: string, text: string, name = "multiTimeline.csv") {
    const body = new FormData();
    body.set("file", new File([text], name, { type: "text/csv" }));
    const request = requestAs(cookie, "/w/pages/trends", { method: "POST", body });
    return settle(() =>
      trendsPage.action({ request, params, context: { clientAddress: "127.0.0.1" } }),
    );
  }

  it("stores the export's points for editors", async () => {
    const { status, body } = await upload(editor, readPage("trends-multiTimeline.csv"));
    expect(status).toBe(200);
    expect(body).toEqual({
      imported: { observationsWritten: 6, keywords: ["kredi kartı", "konut kredisi, faiz"] },
    });
    const page = await settle(() =>
      trendsPage.loader({
        request: requestAs(viewer, "/w/pages/trends"),
        params,
        context: { clientAddress: "127.0.0.1" },
      }),
    );
    expect(page.body).toMatchObject({ chosen: ["konut kredisi, faiz", "kredi kartı"] });
  });

  it("accepts any file name a browser sends (the project's own form reader)", async () => {
    const { status, body } = await upload(
      editor,
      readPage("trends-multiTimeline.csv"),
      'trends=2025;"kredi" отчёт.csv',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ imported: { observationsWritten: 6 } });
  });

  it("refuses a too-large file, a wrong file, and viewers", async () => {
    const big = await upload(editor, "x".repeat(1024 * 1024 + 10));
    expect(english(big)).toMatchObject({
      status: 400,
      body: { error: "The file is larger than 1 MB" },
    });
    const wrong = await upload(editor, "a,b\n1,2\n");
    expect(wrong.status).toBe(400);
    expect(englishMessage((wrong.body as { error: string }).error)).toMatch(
      /^not a trends interest-over-time CSV/,
    );
    expect((await upload(viewer, readPage("trends-multiTimeline.csv"))).status).toBe(403);
    expect(observationsOf(scope)).toHaveLength(6);
  });
});
