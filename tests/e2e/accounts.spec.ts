import { expect, test } from "@playwright/test";
import { baseURL, logIn, logOut, signUp } from "./helpers";

const password = "correct horse battery staple";
const owner = { name: "Ayşe Owner", email: "ayse@e2e.test", password };
const colleague = { name: "Mehmet Colleague", email: "mehmet@e2e.test", password };
const outsider = { name: "Olga Outsider", email: "olga@e2e.test", password };

test("sign up, share a workspace with a colleague, and keep outsiders out", async ({ browser }) => {
  // The colleague and the outsider have accounts before the invitation.
  for (const person of [colleague, outsider]) {
    const context = await browser.newContext();
    await signUp(await context.newPage(), person);
    await context.close();
  }

  const page = await (await browser.newContext()).newPage();
  await signUp(page, owner);
  await page.getByLabel("Name").fill("Anadolu Marketing");
  await page.getByLabel("Address").fill("anadolu");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/anadolu`);
  await expect(page.getByTestId("workspace-name")).toHaveText("Anadolu Marketing");
  for (const section of [
    "Data",
    "Customers",
    "Segments",
    "Channels",
    "Campaigns",
    "Forecast",
    "Trends",
    "Sites",
    "Scrapers",
    "Reports",
  ]) {
    await expect(
      page.getByRole("navigation").getByRole("link", { name: section, exact: true }),
    ).toBeVisible();
  }

  await page.getByRole("link", { name: "Members" }).click();
  await page.getByLabel("E-mail", { exact: true }).fill(colleague.email);
  await page.getByLabel("Role for the invitation").selectOption("editor");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByRole("status")).toContainText(
    `${colleague.email} can now open this workspace`,
  );
  await expect(page.getByRole("cell", { name: colleague.email })).toBeVisible();
  await logOut(page);

  await logIn(page, colleague.email, colleague.password);
  await expect(page.getByRole("link", { name: /Anadolu Marketing/ })).toBeVisible();
  await page.getByRole("link", { name: /Anadolu Marketing/ }).click();
  await expect(page.getByTestId("workspace-name")).toHaveText("Anadolu Marketing");
  await logOut(page);

  await logIn(page, outsider.email, outsider.password);
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await expect(page.getByText("Anadolu Marketing")).toHaveCount(0);
  const response = await page.goto(`${baseURL()}/w/anadolu/members`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("a wrong password is refused with a message", async ({ page }) => {
  await logIn(page, owner.email, "not the password");
  await expect(page.getByRole("alert")).toHaveText("E-mail or password is wrong");
});

test("a cross-site form post is refused", async ({ request }) => {
  const response = await request.post(`${baseURL()}/signup`, {
    headers: { Origin: "https://evil.example" },
    form: { name: "x", email: "x@evil.example", password },
  });
  expect(response.status()).toBe(403);
});
