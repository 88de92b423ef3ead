// Adds up vitest's and playwright's JSON reports into one closing line for CI.
import fs from "node:fs";

const [vitestFile, playwrightFile] = process.argv.slice(2);
const vitest = JSON.parse(fs.readFileSync(vitestFile, "utf8"));
const playwright = JSON.parse(fs.readFileSync(playwrightFile, "utf8"));

const passed = vitest.numPassedTests + (playwright.stats.expected ?? 0);
const failed =
  vitest.numFailedTests + (playwright.stats.unexpected ?? 0) + (playwright.stats.flaky ?? 0);
const skipped = vitest.numPendingTests + vitest.numTodoTests + (playwright.stats.skipped ?? 0);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed === 0 || failed > 0) process.exitCode = 1;
