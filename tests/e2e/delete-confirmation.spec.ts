/**
 * Deleting a dataset asks first and says what will go, in the browser: the 260 sales of
 * tests/fixtures/e2e/transactions.csv and the RFM run computed from them are listed;
 * cancelling keeps the file, confirming removes it with its rows.
 */
import { expect, test } from "@playwright/test";
import { baseURL, importFixture, signUp } from "./helpers";

const slug = "delete-e2e";

test("deleting a dataset: the confirmation lists what goes; cancel keeps it, confirm removes it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, {
    name: "Deniz Marketer",
    email: "delete-confirmation@e2e.test",
    password: "delete e2e password",
  });
  await page.getByLabel("Name").fill("Delete Shop");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importFixture(slug, "customers", "customers.csv");
  importFixture(slug, "transactions", "transactions.csv");

  // A run computed from the sales, so the confirmation has one to name.
  await page.goto(`${baseURL()}/w/${slug}/segments`);
  await page.getByRole("button", { name: "Run RFM" }).click();
  await expect(page.getByTestId("customers-scored")).toHaveText("40", { timeout: 30_000 });

  const openDataset = async () => {
    await page.goto(`${baseURL()}/w/${slug}/data`);
    await page.getByRole("link", { name: "transactions.csv" }).click();
    await expect(page.getByRole("heading", { name: "transactions.csv" })).toBeVisible();
  };
  await openDataset();
  const datasetUrl = page.url();
  await page.getByRole("button", { name: "Delete this dataset and its rows" }).click();
  const dialog = page.getByTestId("confirm-delete");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading")).toHaveText(
    "Delete the file “transactions.csv” and its rows?",
  );
  await expect(dialog.getByTestId("deletion-rows")).toContainText("260 sales");
  await expect(dialog).toContainText("1 segment run was computed with these rows");
  await expect(dialog.getByTestId("deletion-runs").getByRole("listitem")).toHaveCount(1);
  await expect(dialog.getByTestId("deletion-runs")).toContainText("RFM");

  // Cancelling closes the question and removes nothing.
  await dialog.getByRole("link", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(datasetUrl);
  await page.goto(`${baseURL()}/w/${slug}/data`);
  await expect(page.getByRole("link", { name: "transactions.csv" })).toBeVisible();

  // Confirming removes the file and its sales; the customers file stays.
  await openDataset();
  await page.getByRole("button", { name: "Delete this dataset and its rows" }).click();
  await page.getByTestId("confirm-delete").getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}/data`);
  await expect(page.getByRole("link", { name: "transactions.csv" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "customers.csv" })).toBeVisible();
  await page.goto(`${baseURL()}/w/${slug}`);
  await expect(
    page.getByRole("region", { name: "Revenue, last 30 days", exact: true }),
  ).toContainText("Upload a transactions file");
});
