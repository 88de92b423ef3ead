import { defineConfig } from "@playwright/test";
import { chromiumExecutable, chromiumQuietFlags } from "./scrapers/chromium";

/**
 * Browser end-to-end tests in Debian's Chromium (browsers cannot be downloaded here),
 * against the built app started by tests/e2e/global-setup.ts on a free loopback port.
 */
export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // Auto-waiting assertions: a loaded 2-core CI machine can take seconds to render a page.
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    headless: true,
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [...chromiumQuietFlags],
    },
  },
});
