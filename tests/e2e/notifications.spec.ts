/**
 * A notification plan in the browser: the e2e shop (tests/fixtures/e2e) plus a send log
 * (responses.csv: 10 sends to each of the 40 consented customers, every 10 days from
 * 2025-03-01, e-mail and SMS alternating; Champions answer half of the SMS and no e-mail).
 * Four Champions (C51, C53, C55, C57) took both offers in the last four weeks, so 4 of the 8
 * are planned and 4 are left out with "no offer left".
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { baseURL, importFixture, signUp } from "./helpers";

const slug = "notifications-e2e";

test("notifications: plan a segment, see the estimate, download the plan", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, {
    name: "Nur Marketer",
    email: "nur@e2e.test",
    password: "notifications e2e password",
  });
  await page.getByLabel("Name").fill("Notifications Shop");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importFixture(slug, "customers", "customers.csv");
  importFixture(slug, "transactions", "transactions.csv");
  importFixture(slug, "responses", "responses.csv");

  await page.goto(`${baseURL()}/w/${slug}/segments`);
  await page.getByRole("button", { name: "Run RFM" }).click();
  await expect(page.getByTestId("customers-scored")).toHaveText("40", { timeout: 30_000 });

  await page.getByRole("link", { name: "Notifications" }).first().click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const form = page.getByRole("region", { name: "Plan notifications" });
  await form.getByRole("combobox", { name: "Segment", exact: true }).selectOption("Champions");
  await form.getByRole("spinbutton", { name: /Weekly contact cap/ }).fill("0");
  await form.getByRole("button", { name: "Plan" }).click();
  await expect(page.getByText("The weekly cap is a whole number from 1 to 14")).toBeVisible();
  await form.getByRole("spinbutton", { name: /Weekly contact cap/ }).fill("2");
  await form.getByRole("button", { name: "Plan" }).click();

  // The worker makes the plan; the page follows and shows the stored plan.
  await expect(page.getByTestId("planned")).toHaveText("4", { timeout: 30_000 });
  await expect(page.getByTestId("excluded-noOffer")).toHaveText("4");
  await expect(page.getByTestId("excluded-noConsent")).toHaveText("0");
  await expect(page.getByTestId("plan-rate")).toHaveText(/^\d+\.\d\s%$/);
  await expect(page.getByTestId("historical-rate")).toHaveText(/^\d+\.\d\s%$/);
  await expect(page.getByTestId("estimate-source")).toContainText(
    /^Estimated from \d+ responses up to 2025-05-30 \d\d:00 UTC/,
  );
  await expect(page.getByTestId("observed")).toContainText("No response to the plan's sends");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the plan as CSV" }).click();
  const download = await downloading;
  const lines = fs
    .readFileSync((await download.path()) as string, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("customer_id,channel,offer,send_hour,expected_response_rate,exploration");
  expect(
    lines
      .slice(1)
      .map((l) => l.split(",")[0])
      .sort(),
  ).toEqual(["C52", "C54", "C56", "C58"]);
  // C56 and C58 gave no SMS consent: planned on e-mail.
  for (const line of lines.filter((l) => /^C5[68],/.test(l)))
    expect(line.split(",")[1]).toBe("email");
});
