import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const baseURL = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set (global setup did not run)");
  return url;
};

export async function signUp(page: Page, user: { name: string; email: string; password: string }) {
  await page.goto(`${baseURL()}/signup`);
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto(`${baseURL()}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
}

/** Loads tests/fixtures/e2e/<file> into a workspace through the real import CLI. */
export function importFixture(slug: string, kind: string, file: string) {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error("E2E_DATA_DIR is not set (global setup did not run)");
  const fixture = path.resolve("tests/fixtures/e2e", file);
  const args = ["--workspace", slug, "--kind", kind, "--file", fixture];
  execFileSync(process.execPath, ["--import", "tsx", "cli/index.ts", "import", ...args], {
    env: { ...process.env, DATABASE_URL: path.join(dir, "e2e.db"), DATA_DIR: dir },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** One of an analysis run's pages (Segments, Channels, Products, Audience…). */
export async function openRunTab(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Run pages" }).getByRole("link", { name }).click();
}
