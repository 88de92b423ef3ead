/**
 * Scraping in the browser: an editor adds a Telegram source pointed at the fixture site
 * (served here on 127.0.0.1, which global-setup allow-lists for the app and the worker),
 * tests it, saves it, runs it now, sees the run in the log and the channel with its charts
 * on the Channels page. A second channel's title contains `<script>`: it must show as text.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { readPage } from "../fixture-site/pages";
import { type FixtureSite, startFixtureSite } from "../fixture-site/server";
import { baseURL, signUp } from "./helpers";

const slug = "scraping-e2e";
const HOSTILE_TITLE = `<script>window.__pwned = true</script> Evil & Co`;

let site: FixtureSite;
let hostile: http.Server;
let hostileUrl = "";

/** A channel page whose title is markup: a scraped text must never become HTML. */
function startHostileSite(): Promise<void> {
  const escaped = HOSTILE_TITLE.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  const page = readPage("telegram-en.html").replaceAll("Acme Bank News", escaped);
  hostile = http.createServer((req, res) => {
    if (req.url === "/robots.txt") return res.writeHead(200).end("User-agent: *\nAllow: /\n");
    if (req.url === "/s/evil_channel") {
      return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    }
    res.writeHead(404).end();
  });
  return new Promise((ready) =>
    hostile.listen(0, "127.0.0.1", () => {
      hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
      ready();
    }),
  );
}

test.beforeAll(async () => {
  site = await startFixtureSite({ forbiddenHost: false });
  await startHostileSite();
});
test.afterAll(async () => {
  await site.close();
  await new Promise((done) => hostile.close(done));
});

async function addTelegramSource(page: Page, name: string, channel: string, siteUrl: string) {
  const form = page.getByRole("form", { name: "New source" });
  await form.getByLabel("Adapter").selectOption("telegram");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Channel", { exact: true }).fill(channel);
  await form.getByLabel("Site address (optional)").fill(siteUrl);
  await form.getByLabel(/^Schedule/).fill("*/30 * * * *");
}

async function runNowAndWait(page: Page, sourceName: string) {
  const row = page
    .getByRole("table", { name: "Sources" })
    .getByRole("row", { name: new RegExp(sourceName) });
  await row.getByRole("button", { name: "Run now" }).click();
  const run = page
    .getByRole("table", { name: "Runs" })
    .getByRole("row", { name: new RegExp(`^${sourceName} .* succeeded`) });
  await expect(run).toBeVisible({ timeout: 30_000 });
  return run;
}

test("scraping: add, test and run a source, then see the channel", async ({ page }) => {
  test.setTimeout(90_000);
  page.on("dialog", (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await signUp(page, {
    name: "Sam Scraper",
    email: "sam@e2e.test",
    password: "scraping e2e password",
  });
  await page.getByLabel("Name").fill("Scraping Shop");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);

  await page.goto(`${baseURL()}/w/${slug}/scrapers`);
  await addTelegramSource(page, "Acme news", "@acme_news", site.url);
  await page.getByRole("button", { name: "Test" }).click();
  const tested = page.getByRole("region", { name: "Test result" });
  await expect(tested.getByRole("heading")).toHaveText(
    /^Test read \d+ values from http:\/\/127\.0\.0\.1:\d+\/s\/acme_news$/,
  );
  await expect(
    tested.getByRole("row", { name: /^acme_news channel subscribers .* 12,500$/ }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Save source" }).click();
  await expect(
    page.getByRole("table", { name: "Sources" }).getByRole("row", { name: /Acme news/ }),
  ).toBeVisible();
  const run = await runNowAndWait(page, "Acme news");
  await expect(run.getByRole("cell").nth(5)).toHaveText("1"); // pages fetched

  await addTelegramSource(page, "Evil channel", "evil_channel", hostileUrl);
  await page.getByRole("button", { name: "Save source" }).click();
  await runNowAndWait(page, "Evil channel");

  await page.goto(`${baseURL()}/w/${slug}/channels`);
  const names = page.getByTestId("channel-name");
  await expect(names.filter({ hasText: "Acme Bank News" })).toBeVisible();
  // The title is shown as the text it is; no element was made from it and nothing ran.
  await expect(names.filter({ hasText: "Evil & Co" })).toHaveText(HOSTILE_TITLE);
  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(await page.locator("script", { hasText: "__pwned" }).count()).toBe(0);

  const catalogue = page.getByRole("table", { name: "Channel catalogue" });
  await expect(catalogue.getByRole("row", { name: /Acme Bank News .* 12,500/ })).toBeVisible();
  const comparison = page.getByRole("region", { name: "Channel comparison" });
  await expect(comparison.getByRole("heading", { name: "Subscribers over time" })).toBeVisible();
  await expect(comparison.locator("svg[role=img]").first()).toBeVisible();

  // Compare only the Acme channel: the chart legend names it (the legend is SVG text).
  await catalogue.getByRole("checkbox", { name: /Compare .*Evil/ }).uncheck();
  await page.getByRole("button", { name: "Compare selected" }).click();
  await expect(page).toHaveURL(/compare=acme_news$/);
  await expect(
    comparison.locator("svg text", { hasText: "Acme Bank News (acme_news)" }).first(),
  ).toBeVisible();
});
