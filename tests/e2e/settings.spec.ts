/**
 * Settings in the browser: Customers is in the sidebar; an owner renames the workspace and
 * sets its time zone and currency; moments the app recorded (a file's upload time) are then
 * shown in that zone, the same on the server's page and after hydration.
 */
import { expect, test } from "@playwright/test";
import { baseURL, importFixture, signUp } from "./helpers";

const slug = "settings-e2e";

test("settings: rename, time zone and currency; Customers in the sidebar", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await signUp(page, {
    name: "Sena Marketer",
    email: "settings@e2e.test",
    password: "settings e2e password",
  });
  await page.getByLabel("Name").fill("Settings Shop");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importFixture(slug, "customers", "customers.csv");

  const sidebar = page.getByRole("navigation", { name: "Workspace" });
  await sidebar.getByRole("link", { name: "Customers", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Customers", exact: true })).toBeVisible();
  // Named by name and own id, never "#id".
  await expect(page.getByRole("link", { name: "Customer 5-1 · C51" })).toBeVisible();

  await sidebar.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByLabel("Workspace name").fill("Moda Mağaza");
  await page.getByLabel("Time zone").selectOption("America/New_York");
  await page.getByLabel("Reporting currency").selectOption("EUR");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  await expect(page.getByTestId("workspace-name")).toHaveText("Moda Mağaza");
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
  await expect(page.getByLabel("Reporting currency")).toHaveValue("EUR");

  // The upload time, a moment, in New York's winter or summer offset.
  await page.goto(`${baseURL()}/w/${slug}/data`);
  await expect(page.getByRole("table").first()).toContainText(/\d{2}:\d{2} UTC−[45]\b/);
  // The same after a navigation in the browser (rendered there, not by the server).
  await sidebar.getByRole("link", { name: "Customers", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Customers", exact: true })).toBeVisible();
  await sidebar.getByRole("link", { name: "Data", exact: true }).click();
  await expect(page.getByRole("table").first()).toContainText(/UTC−[45]\b/);
  expect(errors.filter((e) => /hydrat|did not match/i.test(e))).toEqual([]);
});
