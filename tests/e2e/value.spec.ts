/**
 * Customer value in the browser on the demo workspace (a tenth of its customers): train from
 * the Value page (the job worker does the work), see the model against both baselines with
 * which one is used and why, the importance bars, and the predicted value on a customer page.
 */
import { expect, test } from "@playwright/test";
import { baseURL, importDemoData, signUp } from "./helpers";

const slug = "value-e2e";

test("value page: train, compare with the baselines, see a customer's predicted value", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signUp(page, { name: "Ece Value", email: "value@e2e.test", password: "value e2e pw" });
  await page.getByLabel("Name").fill("Value Bank");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importDemoData(slug);

  await page.goto(`${baseURL()}/w/${slug}/value`);
  await expect(page.getByRole("heading", { name: "Customer value" })).toBeVisible();
  await page.getByRole("button", { name: "Train the value model" }).click();
  const metrics = page.getByTestId("value-metrics");
  await expect(metrics).toBeVisible({ timeout: 120_000 });
  for (const method of ["Gradient-boosted trees", "Last period's revenue", "BG/NBD + Gamma-Gamma"])
    await expect(
      metrics.getByRole("row", { name: new RegExp(method.replace("+", "\\+")) }),
    ).toBeVisible();
  await expect(page.getByTestId("value-reason")).toContainText(/The model is (not )?used/);
  await expect(page.getByRole("heading", { name: "What the model learned from" })).toBeVisible();
  await expect(page.locator('[data-testid^="bar.item"]').first()).toBeVisible();
  await page.screenshot({ path: "test-results/value-page.png", fullPage: true });

  // A customer with a stored value: the first of the list who shows one.
  await page.goto(`${baseURL()}/w/${slug}/customers`);
  const first = page.locator("table.data tbody a").first();
  await first.click();
  await expect(page.getByTestId("orders")).toBeVisible();
});
