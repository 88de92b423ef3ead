/**
 * Reports in the browser on tests/fixtures/e2e/campaigns.csv (three daily rows; totals:
 * spend 2,700, revenue 11,500 → ROI 326 %): save the Campaigns page as a snapshot report,
 * open it from the list, hover a chart for its tooltip, download a table as CSV and a chart
 * as PNG, rename the report and delete it.
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { baseURL, importFixture, signUp } from "./helpers";

const slug = "reports-e2e";

test("reports: save from Campaigns, open, tooltip, CSV, PNG, rename, delete", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, { name: "Rana Reporter", email: "rana@e2e.test", password: "reports e2e pw" });
  await page.getByLabel("Name").fill("Reports Shop");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importFixture(slug, "campaigns", "campaigns.csv");

  await page.goto(`${baseURL()}/w/${slug}/campaigns?by=channel`);
  await expect(page.getByRole("heading", { name: "ROI by channel" })).toBeVisible();
  await page.getByText("Save as report").click();
  await page.getByLabel("Title").fill("Spring ROI");
  await page.getByLabel("Note (optional)").fill("For the Monday meeting");
  await page.getByRole("button", { name: "Save report" }).click();
  await expect(page).toHaveURL(/\/reports\/\d+$/);
  await expect(page.getByRole("heading", { name: "Spring ROI" })).toBeVisible();
  await expect(page.getByTestId("report-mode")).toContainText("Snapshot taken");
  await expect(page.getByTestId("report-params")).toContainText("Broken down by: channel");

  // From the list.
  await page.getByRole("link", { name: "← Reports" }).click();
  const row = page.getByTestId("report-row").filter({ hasText: "Spring ROI" });
  await expect(row).toContainText("Campaign ROI");
  await expect(row).toContainText("Rana Reporter");
  await row.getByRole("link", { name: "Spring ROI" }).click();
  const figures = page.getByRole("table", { name: "Figures by channel" });
  await expect(figures.getByRole("row", { name: /^Total 2,700\.00/ })).toContainText("326");

  // The same chart as the page, with its tooltip (bars grow in: force the hover).
  const bar = page.getByRole("img", { name: "Bar chart with intervals" });
  await bar.locator('[data-testid^="bar.item"]').first().hover({ force: true });
  await expect(page.getByText(/no interval/).first()).toBeVisible();

  // A table as CSV.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: /^figures-by-channel/ }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe("spring-roi-figures-by-channel.csv");
  const text = fs.readFileSync((await csv.path()) as string, "utf8");
  expect(text).toMatch(/^\uFEFFchannel,spend,/);
  expect(text).toContain("Instagram,1000,");

  // A chart as PNG.
  const pngDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download PNG" }).first().click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toMatch(/^spring-roi-.*\.png$/);
  const bytes = fs.readFileSync((await png.path()) as string);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(bytes.length).toBeGreaterThan(1000);

  // Rename, then delete.
  await page.getByRole("link", { name: "← Reports" }).click();
  await row.locator("summary", { hasText: "Rename" }).click();
  await row.getByLabel("New title").fill("Spring ROI, final");
  await row.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("status")).toHaveText("Report renamed.");
  const renamed = page.getByTestId("report-row").filter({ hasText: "Spring ROI, final" });
  await expect(renamed).toBeVisible();
  await renamed.locator("summary", { hasText: "Delete" }).click();
  await renamed.getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByRole("status")).toHaveText("Report deleted.");
  await expect(page.getByTestId("report-row")).toHaveCount(0);
});
