/**
 * The README's screenshots: the home dashboard, a saved report and the page a share link
 * opens, on the demo workspace (scale 0.1) loaded through the import command. Written to
 * docs/screenshots/. Run with `npm run screenshots`; not part of `npm test`.
 */
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { baseURL, importDemoData, signUp } from "../../tests/e2e/helpers";

const slug = "anadolu";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join("docs", "screenshots", `${name}.png`), fullPage: false });

test("README screenshots: dashboard, report, shared link", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await signUp(page, {
    name: "Deniz Yılmaz",
    email: "deniz@anadolu.test",
    password: "screenshots pw 1",
  });
  await page.getByLabel("Name").fill("Anadolu Bank");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importDemoData(slug, 0.1);

  // A report first, so the dashboard lists it.
  await page.goto(`${baseURL()}/w/${slug}/campaigns?by=channel`);
  await expect(page.getByRole("heading", { name: "ROI by channel" })).toBeVisible();
  await page.getByText("Save as report").click();
  await page.getByLabel("Title").fill("Channel ROI, last two years");
  await page
    .getByLabel("Note (optional)")
    .fill("E-mail and Google Search return most; TV and Outdoor lose money.");
  await page.getByRole("button", { name: "Save report" }).click();
  await expect(page).toHaveURL(/\/reports\/\d+$/);
  await expect(page.getByRole("img", { name: "Bar chart with intervals" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await shot(page, "report");

  await page
    .getByRole("navigation", { name: "Report actions" })
    .getByRole("link", { name: "Share" })
    .click();
  await page.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByRole("textbox", { name: "Share link" }).inputValue();

  await page.goto(`${baseURL()}/w/${slug}`);
  await expect(page.getByRole("region", { name: "Best channel by ROI" })).toBeVisible();
  await shot(page, "dashboard");

  const visitor = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const guest = await visitor.newPage();
  await guest.goto(url);
  await expect(guest.getByRole("heading", { name: "Channel ROI, last two years" })).toBeVisible();
  await expect(guest.getByRole("img", { name: "Bar chart with intervals" })).toBeVisible();
  await guest.waitForLoadState("networkidle");
  await shot(guest, "shared-link");
  await visitor.close();
});
