/**
 * The Campaigns page in the browser on tests/fixtures/e2e/campaigns.csv (three daily rows):
 *   K1 Instagram  spend 1000, revenue 6000 → ROI 500 %
 *   K2 Daily News spend 1500, revenue 3000 → ROI 100 %
 *   K3 SMS        spend  200, revenue 2500 → ROI 1,150 %
 * Totals: spend 2,700, revenue 11,500 → ROI (11500 − 2700) / 2700 = 326 %.
 */
import { expect, test } from "@playwright/test";
import { baseURL, importFixture, signUp } from "./helpers";

const slug = "campaigns-e2e";

const sortedBy = (column: string, dir: "asc" | "desc") => (url: URL) =>
  url.searchParams.get("sort") === column && url.searchParams.get("dir") === dir;

test("campaigns: ROI by channel, sorting, drill-down and a chart tooltip", async ({ page }) => {
  test.setTimeout(60_000);
  await signUp(page, { name: "Cem Marketer", email: "cem@e2e.test", password: "campaigns e2e pw" });
  await page.getByLabel("Name").fill("Campaigns Shop");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importFixture(slug, "campaigns", "campaigns.csv");

  await page.goto(`${baseURL()}/w/${slug}/campaigns`);
  await expect(page.getByRole("heading", { name: "ROI by channel" })).toBeVisible();
  const figures = page.getByRole("table", { name: "Figures by channel" });
  await expect(figures.getByRole("row", { name: /^Instagram 1,000\.00/ })).toContainText("500");
  await expect(figures.getByRole("row", { name: /^Total 2,700\.00/ })).toContainText("326");

  // Hover a bar: the tooltip shows the formatted ROI.
  // The bars grow in (react-spring), so Playwright never sees them stable: force the hover.
  const bar = page.getByRole("img", { name: "Bar chart with intervals" });
  await bar.locator('[data-testid^="bar.item"]').first().hover({ force: true });
  await expect(page.getByText(/no interval/).first()).toBeVisible();

  // Sort the campaign table by ROI, lowest first, then open a campaign's days.
  const table = page.getByRole("table", { name: "Campaigns", exact: true });
  // Each click navigates. Wait for the re-rendered heading, not only the URL: the URL changes
  // a moment before React renders the new links, and a click in between re-sorts the old way.
  await table.getByRole("link", { name: /^ROI/ }).click();
  await expect(table.getByRole("columnheader", { name: "ROI ▼" })).toBeVisible();
  await expect(page).toHaveURL(sortedBy("roi", "desc"));
  await table.getByRole("link", { name: /^ROI/ }).click();
  await expect(table.getByRole("columnheader", { name: "ROI ▲" })).toBeVisible();
  await expect(page).toHaveURL(sortedBy("roi", "asc"));
  await expect(table.getByRole("row").nth(1)).toContainText("Spring phones");
  await table.getByRole("link", { name: "Loyalty SMS" }).click();
  const days = page.getByRole("table", { name: "Campaign days" });
  await expect(days.getByRole("row", { name: /^2025-04-01 200\.00/ })).toBeVisible();
});
