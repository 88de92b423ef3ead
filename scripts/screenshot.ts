/**
 * Takes the README screenshot: logs in to a running app as the demo user and captures a
 * page in Debian's Chromium. Usage: npx tsx scripts/screenshot.ts [path] [out.png]
 * (app on http://localhost:3000, credentials from data/demo-credentials.json).
 */
import fs from "node:fs";
import { chromium } from "playwright-core";
import { chromiumExecutable, chromiumQuietFlags } from "#scrapers/chromium";

const [pagePath = "/w/demo/data", out = "docs/screenshot.png"] = process.argv.slice(2);
const base = process.env.BASE_URL ?? "http://localhost:3000";
const { email, password } = JSON.parse(fs.readFileSync("data/demo-credentials.json", "utf8"));

const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: [...chromiumQuietFlags],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.goto(`${base}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/w/);
  await page.goto(`${base}${pagePath}`);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(800);
  await page.screenshot({ path: out });
  console.log(JSON.stringify({ screenshot: out }));
} finally {
  await browser.close();
}
