/**
 * Product × channel on a run's Products tab, in the browser, on the fixtures of
 * segments.spec.ts: every category gets channels ranked by expected buyers, and by product
 * the rows are named by the product's name from the transactions ("Phone (P-PHONE)"), not
 * by its code alone.
 */
import { expect, test } from "@playwright/test";
import { baseURL, importFixture, openRunTab, signUp } from "./helpers";

const slug = "product-channels-e2e";

test("a run's Products tab ranks channels per category and names products", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, {
    name: "Pelin Marketer",
    email: "product-channels@e2e.test",
    password: "product channels e2e",
  });
  await page.getByLabel("Name").fill("Product Channels Shop");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importFixture(slug, "customers", "customers.csv");
  importFixture(slug, "transactions", "transactions.csv");
  importFixture(slug, "channel_audiences", "channel-audiences.csv");
  importFixture(slug, "campaigns", "campaigns.csv");

  await page.goto(`${baseURL()}/w/${slug}/segments`);
  await page.getByRole("button", { name: "Run RFM" }).click();
  await expect(page.getByTestId("customers-scored")).toHaveText("40", { timeout: 30_000 });
  await openRunTab(page, "Products");

  const table = page.getByRole("table", { name: "Channels ranked per category" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader").first()).toHaveText("Category");
  // Each category names its buyers on its first row.
  await expect(table.getByRole("cell", { name: /^Electronics \(\d+ buyers\)$/ })).toBeVisible();
  await expect(table.getByRole("cell", { name: /^Books \(8 buyers\)$/ })).toBeVisible();
  for (const channel of ["Instagram", "Daily News"])
    await expect(table.getByRole("cell", { name: channel, exact: true }).first()).toBeVisible();

  // By product: the product's own name, never the code alone.
  await page.goto(`${page.url().split("?")[0]}?target=product`);
  const byProduct = page.getByRole("table", { name: "Channels ranked per category" });
  await expect(byProduct.getByRole("columnheader").first()).toHaveText("Product");
  await expect(
    byProduct.getByRole("cell", { name: /^Phone \(P-PHONE\) \(\d+ buyers\)$/ }),
  ).toBeVisible();
  await expect(byProduct.getByRole("cell", { name: /^P-PHONE/ })).toHaveCount(0);
});
