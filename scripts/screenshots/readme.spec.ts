/**
 * The README's gallery: one screenshot of every page of the demo workspace, written to
 * docs/screenshots/<page>.png. The workspace is the demo itself, made as `npm run demo` makes
 * it: scripts/seed-demo.ts creates the `demo` workspace, its user and its scrapers (pointed
 * at the fixture site, served here on 127.0.0.1), and the demo CSVs (a tenth of the demo's
 * customers) go through the import command. Run with `npm run screenshots`; not part of
 * `npm test`.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { baseURL, importDemoData, logIn, openRunTab } from "../../tests/e2e/helpers";
import { type FixtureSite, startFixtureSite } from "../../tests/fixture-site/server";

const slug = "demo";
const viewport = { width: 1280, height: 860 };
const folder = path.join("docs", "screenshots");

let site: FixtureSite;
test.beforeAll(async () => {
  site = await startFixtureSite({ forbiddenHost: false });
});
test.afterAll(async () => {
  await site.close();
});

/** Waits until charts have drawn (nivo animates in) and the page has no pending request. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/** Pages whose content ran off to the right of the window (a table or chart too wide). */
const overflowing: string[] = [];

async function shot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: false });
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const runsOff = (element: Element) => element.getBoundingClientRect().right > width + 1;
    if (document.documentElement.scrollWidth <= width) return [];
    // What widens the page: wide things not inside a frame that scrolls them.
    return [...document.querySelectorAll("table, svg, form, .card")]
      .filter((element) => {
        const frame = element.closest(".scroll-x");
        return runsOff(element) && (!frame || runsOff(frame));
      })
      .map((element) => element.getAttribute("aria-label") ?? element.tagName.toLowerCase());
  });
  if (wide.length > 0) overflowing.push(`${name}: ${[...new Set(wide)].join(", ")}`);
}

/**
 * scripts/seed-demo.ts on the e2e server's database; returns the demo user's login. With the
 * fixture site's address it also adds the scrapers and runs each once.
 */
function seedDemo(fixtureUrl?: string): { email: string; password: string } {
  const dir = process.env.E2E_DATA_DIR as string;
  const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/seed-demo.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: path.join(dir, "e2e.db"),
      DATA_DIR: dir,
      ...(fixtureUrl ? { DEMO_FIXTURE_URL: fixtureUrl } : {}),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.toString().trim().split("\n").pop() as string);
}

test("README gallery: a screenshot of every page", async ({ page, browser }) => {
  test.setTimeout(300_000);
  fs.mkdirSync(folder, { recursive: true });
  await page.setViewportSize(viewport);
  seedDemo();
  importDemoData(slug, 0.1);
  // The scrapers last: the imports block this process, and with it the fixture site they read.
  const login = seedDemo(site.url);
  await logIn(page, login.email, login.password);
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  const w = `${baseURL()}/w/${slug}`;

  // Analysis runs go to the worker: start them first, they finish while other pages load.
  await page.goto(`${w}/segments`);
  await page.getByRole("button", { name: "Run RFM" }).click();
  await expect(page.getByTestId("customers-scored")).toBeVisible({ timeout: 60_000 });
  const rfmRun = page.url();
  await page.goto(`${w}/segments`);
  await page.getByLabel("Income", { exact: true }).check();
  await page.getByLabel("Age", { exact: true }).check();
  await page.getByRole("button", { name: "Cluster customers" }).click();
  await expect(page.getByTestId("chosen-k")).toBeVisible({ timeout: 60_000 });
  await shot(page, "run-clusters");

  await page.goto(rfmRun);
  await expect(page.getByRole("table", { name: "RFM segments" })).toBeVisible();
  await shot(page, "run-segments");
  for (const [tab, path, name] of [
    ["Channels", "channels", "run-channels"],
    ["Products", "products", "run-products"],
    ["Audience", "audience", "run-audience"],
  ] as const) {
    await openRunTab(page, tab);
    await expect(page).toHaveURL(`${rfmRun}/${path}`, { timeout: 30_000 });
    await shot(page, name);
  }

  await page.goto(`${w}/segments`);
  await shot(page, "segments");

  // A report, so the dashboard and the reports list have one, and its share link.
  await page.goto(`${w}/campaigns?by=channel`);
  await expect(page.getByRole("heading", { name: "ROI by channel" })).toBeVisible();
  await shot(page, "campaigns");
  await page.getByText("Save as report").click();
  await page.getByLabel("Title").fill("Channel ROI, last two years");
  await page
    .getByLabel("Note (optional)")
    .fill("E-mail and Google Search return most; TV and Outdoor lose money.");
  await page.getByRole("button", { name: "Save report" }).click();
  await expect(page).toHaveURL(/\/reports\/\d+$/);
  await expect(page.getByRole("img", { name: "Bar chart with intervals" })).toBeVisible();
  await shot(page, "report");
  await page
    .getByRole("navigation", { name: "Report actions" })
    .getByRole("link", { name: "Share" })
    .click();
  await page.getByRole("button", { name: "Create link" }).click();
  const shareUrl = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  await page.goto(`${w}/reports`);
  await shot(page, "reports");

  await page.goto(w);
  await expect(page.getByRole("region", { name: "Best channel by ROI" })).toBeVisible();
  await shot(page, "dashboard");

  await page.goto(`${w}/data`);
  await shot(page, "data");
  await page.getByRole("table").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/data\/\d+/);
  await shot(page, "dataset");

  await page.goto(`${w}/customers`);
  await shot(page, "customers");
  await page.getByRole("table").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/customers\/[^/?]+$/);
  await shot(page, "customer");

  // The response curves are fitted by the worker after the campaigns import.
  await expect(async () => {
    await page.goto(`${w}/forecast`);
    await expect(page.getByRole("heading", { name: "Response curves by channel" })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 90_000 });
  await shot(page, "forecast");

  // The demo's scrapers ran once when seeded; their pages show what they fetched.
  await expect(async () => {
    await page.goto(`${w}/scrapers`);
    const runs = page.getByRole("table", { name: "Runs" });
    await expect(runs.getByRole("row", { name: /succeeded/ }).first()).toBeVisible({
      timeout: 2_000,
    });
    await expect(runs.getByRole("row", { name: /queued|running/ })).toHaveCount(0, {
      timeout: 2_000,
    });
  }).toPass({ timeout: 90_000 });
  await shot(page, "scrapers");
  await page.goto(`${w}/trends`);
  await shot(page, "trends");
  await page.goto(`${w}/sites`);
  await shot(page, "sites");
  await page.goto(`${w}/channels`);
  await shot(page, "channels");
  await page.goto(`${w}/settings`);
  await shot(page, "settings");

  const visitor = await browser.newContext({ viewport });
  const guest = await visitor.newPage();
  await guest.goto(shareUrl);
  await expect(guest.getByRole("heading", { name: "Channel ROI, last two years" })).toBeVisible();
  await shot(guest, "shared-link");
  await visitor.close();

  // Wide tables scroll inside their frame: nothing runs off the page.
  expect(overflowing).toEqual([]);
});
