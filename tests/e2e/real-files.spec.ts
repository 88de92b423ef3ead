/**
 * A new user's first hour with a public-style retail export (issue 9): one row per invoice
 * line, the invoice number repeating, `C` cancellations, no customers file and no consent
 * column, and dates in m/d/yyyy that only the file's last line settles (every earlier day is
 * ≤ 12, and the file is larger than the 64 KiB the preview reads).
 *
 * tests/fixtures/e2e/online-retail-lines.csv: 1,051 lines in 421 orders of 40 customers,
 * amounts summing to 12,199.80; the last line (1/18/2011) settles the format.
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { baseURL, signUp } from "./helpers";

const file = path.resolve("tests/fixtures/e2e/online-retail-lines.csv");
const slug = "retail-lines";

test("an invoice-line export: every line kept, dates settled by the file, RFM on a legal basis", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, { name: "Ece Owner", email: "ece@e2e.test", password: "real files e2e pw" });
  await page.getByLabel("Name").fill("Retail lines");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.getByRole("navigation").getByRole("link", { name: "Data", exact: true }).click();

  await page.getByRole("radio", { name: "Transactions", exact: true }).check();
  await page.getByLabel(/CSV file/).setInputFiles(file);
  await page.getByRole("button", { name: "Upload and preview" }).click();

  // The invoice number is an order id, not a line id; the date is settled by the last line.
  await expect(page.getByLabel("Field for column InvoiceNo")).toHaveValue("order_id");
  await expect(
    page.getByRole("cell", { name: "mm/dd/yyyy — settled by line 1052 (value 1/18/2011 10:05)" }),
  ).toBeVisible();
  await page.getByRole("button", { name: /^Import/ }).click();
  await expect(page.getByRole("heading", { name: /online-retail-lines\.csv/ })).toContainText(
    "succeeded",
    { timeout: 30_000 },
  );
  await expect(page.getByTestId("count-loaded")).toHaveText("1,051");
  await expect(page.getByTestId("count-rejected")).toHaveText("0");
  await expect(page.getByTestId("count-new")).toHaveText("1,051");

  // No consent column: under the default basis nobody may be analysed, and RFM says why.
  await page.goto(`${baseURL()}/w/${slug}/segments`);
  await expect(page.getByTestId("empty-because-of-basis").first()).toBeVisible();

  // The owner analyses on legitimate interest; RFM then scores every customer of the sales.
  await page.goto(`${baseURL()}/w/${slug}/settings`);
  await page.getByRole("radio", { name: /Legitimate interest/ }).check();
  await page.getByRole("button", { name: "Save legal basis" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  await page.goto(`${baseURL()}/w/${slug}/segments`);
  await page.getByRole("button", { name: "Run RFM" }).click();
  await expect(page.getByTestId("customers-scored")).toHaveText("40", { timeout: 30_000 });
});
