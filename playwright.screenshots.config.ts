import { defineConfig } from "@playwright/test";
import baseConfig from "./playwright.config";

/**
 * `npm run screenshots`: the README's pictures, taken in Debian's Chromium from the built app
 * on the demo data (same server and worker set-up as the e2e tests).
 */
export default defineConfig({
  ...baseConfig,
  testDir: "scripts/screenshots",
  timeout: 300_000,
  // One long walk through the pages: a missing element fails its step, not the whole budget.
  use: { ...baseConfig.use, actionTimeout: 30_000 },
});
