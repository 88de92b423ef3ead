/**
 * From uploaded data to an exported audience, in the browser. The fixtures in
 * tests/fixtures/e2e are built so the figures can be worked out by hand: 40 consented
 * customers in five groups of 8 with identical purchases inside a group (so RFM ties give
 * the groups the scores 5,5,5 / 4,4,4 / 3,3,3 / 2,2,2 / 1,1,1 → Champions, Loyal, Need
 * attention, Hibernating, Lost), plus 4 customers without data-processing consent. 3 of the
 * 8 Champions have no SMS consent. Income and age form three separate groups (k = 3).
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { baseURL, importFixture, openRunTab, signUp } from "./helpers";

const slug = "segments-e2e";

test("segments: RFM, drill-down, channels, products, SMS audience and clustering", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, {
    name: "Selin Marketer",
    email: "selin@e2e.test",
    password: "segments e2e password",
  });
  await page.getByLabel("Name").fill("Segments Shop");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importFixture(slug, "customers", "customers.csv");
  importFixture(slug, "transactions", "transactions.csv");
  importFixture(slug, "channel_audiences", "channel-audiences.csv");
  importFixture(slug, "campaigns", "campaigns.csv");

  // RFM from the UI; the worker runs it and the page follows the progress.
  await page.goto(`${baseURL()}/w/${slug}/segments`);
  await page.getByRole("button", { name: "Run RFM" }).click();
  await expect(page.getByTestId("customers-scored")).toHaveText("40", { timeout: 30_000 });
  await expect(page.getByTestId("excluded-consent")).toHaveText(
    "Excluded 4 customers without data-processing consent.",
  );
  const segments = page.getByRole("table", { name: "RFM segments" });
  for (const name of ["Champions", "Loyal", "Need attention", "Hibernating", "Lost"]) {
    await expect(
      segments.getByRole("row", { name: new RegExp(`^${name} 8 20\\.0\\s%`) }),
    ).toBeVisible();
  }
  await expect(page.getByRole("img").first()).toBeVisible();
  const runUrl = page.url();
  const table = await page.request.get(`${runUrl}/segments.csv`);
  expect((await table.text()).split("\r\n")[1]).toBe(
    // 100/211 to 15 significant digits; then 8 × 10 orders and 16000 / 80 per order.
    "Champions,8,0.2,16000,0.4739336492891,1,10,2000,5,5,5,80,200",
  );

  // Drill into a segment, then into one of its customers.
  await segments.getByRole("link", { name: "Champions" }).click();
  const members = page.getByRole("table", { name: "Segment members" });
  await expect(members.getByRole("row")).toHaveCount(9);
  await members.getByRole("link", { name: "Customer 5-1" }).click();
  await expect(page.getByRole("heading", { name: "Customer 5-1" })).toBeVisible();
  await page.goto(runUrl);

  // Channels: SMS fits the Champions best (its campaigns have the lowest cost per conversion).
  await openRunTab(page, "Channels");
  const champions = page.getByRole("region", { name: "Channels for Champions" });
  await expect(champions.getByRole("row").nth(1)).toContainText("SMS");
  await expect(champions).toContainText("from past campaigns");

  // Products: phone and case are bought together; a higher confidence threshold drops one rule.
  await openRunTab(page, "Products");
  const rules = page.getByRole("table", { name: "Association rules" });
  await expect(
    rules.getByRole("row", { name: /^P-PHONE P-CASE 25\.0\s% 0\.75 3\.00/ }),
  ).toBeVisible();
  await page.getByLabel("Minimum confidence").fill("0.9");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(
    rules.getByRole("row", { name: /^P-CASE P-PHONE 25\.0\s% 1\.00 3\.00/ }),
  ).toBeVisible();
  await expect(rules.getByRole("row", { name: /^P-PHONE P-CASE/ })).toHaveCount(0);

  // An SMS audience of the Champions: 3 of 8 have no SMS consent.
  await openRunTab(page, "Audience");
  await page.getByLabel("Segment").selectOption("Champions");
  await page.getByLabel("Contact channel").selectOption("sms");
  await page.getByRole("button", { name: "Preview audience" }).click();
  await expect(page.getByTestId("audience-count")).toHaveText("5");
  await expect(page.getByTestId("excluded-no_channel_consent")).toHaveText("3");
  await expect(page.getByTestId("excluded-no_data_processing_consent")).toHaveText("0");
  await page.getByLabel(/Record these contacts/).check();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV (5 contacts)" }).click();
  const download = await downloading;
  const csv = fs.readFileSync((await download.path()) as string, "utf8");
  expect(csv.startsWith("\uFEFFcustomer_id,name,phone,segment,predicted_value\r\n")).toBe(true);
  const lines = csv.trim().split("\r\n");
  expect(lines).toHaveLength(6);
  // A leading + would start a spreadsheet formula, so audienceCsv neutralises it with '.
  expect(lines[1]).toMatch(/^\d+,Customer 5-1,\+905321000001,Champions,$/);
  // The recorded contacts count towards a weekly cap of 1.
  await page.getByLabel("Weekly contact cap (optional)").fill("1");
  await page.getByRole("button", { name: "Preview audience" }).click();
  await expect(page.getByTestId("excluded-frequency_cap")).toHaveText("5");
  await expect(page.getByTestId("audience-count")).toHaveText("0");

  // Clustering on two features: three income/age groups.
  await page.goto(`${baseURL()}/w/${slug}/segments`);
  await page.getByLabel("Income", { exact: true }).check();
  await page.getByLabel("Age", { exact: true }).check();
  await page.getByRole("button", { name: "Cluster customers" }).click();
  await expect(page.getByTestId("chosen-k")).toHaveText("k = 3", { timeout: 30_000 });
  await expect(page.getByText(/has the highest mean silhouette/)).toBeVisible();
  await page.getByLabel("Name of cluster 1").fill("Young savers");
  await page.getByRole("button", { name: "Save name" }).nth(1).click();
  await expect(page.getByRole("heading", { name: /^Young savers/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Young savers/ })).toBeVisible();

  // The overview lists both runs.
  await page.goto(`${baseURL()}/w/${slug}/segments`);
  const runs = page.getByRole("table", { name: "Analysis runs" });
  await expect(runs.getByRole("row")).toHaveCount(3);
  await expect(runs.getByRole("row").nth(1)).toContainText("k-means clusters");
  await runs.getByRole("link").last().click();
  await expect(page).toHaveURL(runUrl);
});
