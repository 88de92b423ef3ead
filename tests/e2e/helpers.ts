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

function e2eDataDir(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error("E2E_DATA_DIR is not set (global setup did not run)");
  return dir;
}

/** Runs a script of this repository with the e2e server's database. */
function runScript(script: string, args: string[]) {
  const dir = e2eDataDir();
  execFileSync(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, DATABASE_URL: path.join(dir, "e2e.db"), DATA_DIR: dir },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

function importFile(slug: string, kind: string, file: string, ...extra: string[]) {
  runScript("cli/index.ts", [
    "import",
    "--workspace",
    slug,
    "--kind",
    kind,
    "--file",
    file,
    ...extra,
  ]);
}

/** Loads tests/fixtures/e2e/<file> into a workspace through the real import CLI. */
export function importFixture(slug: string, kind: string, file: string) {
  importFile(slug, kind, path.resolve("tests/fixtures/e2e", file));
}

/**
 * The demo workspace's files (scripts/demo-data, seeded), at a tenth of the demo's customers,
 * imported as `npm run demo` imports them (scripts/load-demo-data.sh), responses included.
 */
export function importDemoData(slug: string, scale = 0.1) {
  const out = path.join(e2eDataDir(), `demo-${slug}`);
  runScript("scripts/demo-data/index.ts", ["--out", out, "--scale", String(scale)]);
  importFile(slug, "products", path.join(out, "products.csv"));
  importFile(slug, "customers", path.join(out, "customers_online.csv"), "--source", "online");
  importFile(slug, "customers", path.join(out, "customers_offline.csv"), "--source", "offline");
  importFile(slug, "transactions", path.join(out, "transactions.csv"));
  importFile(slug, "campaigns", path.join(out, "campaigns.csv"));
  importFile(slug, "channel_audiences", path.join(out, "channel_audiences.csv"));
  // A year of messages and what came of them (responses-truth.json beside it is not imported).
  importFile(slug, "responses", path.join(out, "responses.csv"));
}

/** One of an analysis run's pages (Segments, Channels, Products, Audience…). */
export async function openRunTab(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Run pages" }).getByRole("link", { name }).click();
}
