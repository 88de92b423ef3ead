/**
 * The workspace home in the browser: what a new workspace says to do first, then the cards on
 * a small workspace (tests/fixtures/e2e/dashboard-*.csv and campaigns.csv):
 * - customers D1, D2 consented, D3 not → 2 analysed, 1 excluded;
 * - latest counted sale 2025-06-30, so the last 30 days are 2025-06-01 … 2025-06-30:
 *   100 + 50 = ₺150.00 against ₺60.00 (2025-05-02 … 2025-05-31) → +150 %; D3's 500 is left
 *   out (1 sale);
 * - ROI: SMS (2500 − 200) / 200 = 1,150 %, then Instagram 500 %; one day each, so no interval.
 */
import { expect, test } from "@playwright/test";
import { baseURL, importFixture, signUp } from "./helpers";

const slug = "dashboard-e2e";

test("dashboard: empty states, then the key figures and their links", async ({ page }) => {
  test.setTimeout(60_000);
  await signUp(page, {
    name: "Dila Marketer",
    email: "dila@e2e.test",
    password: "dashboard e2e pw",
  });
  await page.getByLabel("Name").fill("Dashboard Shop");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);

  const card = (name: string) => page.getByRole("region", { name, exact: true });
  await expect(card("Customers analysed")).toContainText("No customers yet");
  await expect(card("Revenue, last 30 days")).toContainText("Upload a transactions file");
  await expect(card("Best channel by ROI")).toContainText("Upload a campaigns file");
  await expect(card("Scraper health")).toContainText("No sources yet");
  await expect(card("Latest reports")).toContainText("No reports yet");

  importFixture(slug, "customers", "dashboard-customers.csv");
  importFixture(slug, "transactions", "dashboard-transactions.csv");
  importFixture(slug, "campaigns", "campaigns.csv");
  await page.reload();

  await expect(page.getByTestId("customers-analysed")).toHaveText("2");
  await expect(page.getByTestId("customers-excluded")).toContainText(
    "of 3; 1 excluded without data-processing consent",
  );
  await expect(page.getByTestId("revenue-current")).toHaveText("₺150.00");
  await expect(page.getByTestId("revenue-change")).toContainText(/\+150\s%\s*against ₺60\.00/);
  await expect(page.getByTestId("revenue-windows")).toContainText(
    "2025-06-01 to 2025-06-30 (2 sales) against 2025-05-02 to 2025-05-31 (1 sale)",
  );
  await expect(page.getByTestId("revenue-excluded")).toContainText("1 sale of a customer");
  await expect(page.getByTestId("best-channel")).toHaveText(/^SMS: 1,150\s%$/);
  await expect(page.getByTestId("best-channel-interval")).toContainText("no interval");
  await expect(page.getByTestId("best-channel-runner-up")).toContainText(/Instagram, 500\s%/);

  // Each card leads to the page that explains its figure.
  await card("Best channel by ROI")
    .getByRole("link", { name: /ROI of every channel/ })
    .click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}/campaigns?by=channel`);
  await expect(page.getByRole("heading", { name: "ROI by channel" })).toBeVisible();
});
