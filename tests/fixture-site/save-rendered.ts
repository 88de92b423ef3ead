/**
 * Regenerates pages/rendered/*.html: the script-rendered fixture pages as Chromium shows
 * them, so unit tests can run the browser sources' pure parsers without a browser.
 *
 *     npx tsx tests/fixture-site/save-rendered.ts
 *
 * The integration tests render the same pages live and expect the same observations, so a
 * stale snapshot shows up as a failing test rather than passing quietly.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { ScraperBrowser } from "../../scrapers/browser";
import { startFixtureSite } from "./server";

const RENDERED = [
  { path: "/@acmebank/videos", file: "video.rendered.html", waitFor: "#page-header h1" },
  { path: "/trends/explore", file: "trends.rendered.html", waitFor: "widget" },
];

const site = await startFixtureSite({ forbiddenHost: false });
const browser = new ScraperBrowser({ allowHosts: ["127.0.0.1"] });
const outDir = new URL("./pages/rendered/", import.meta.url);
mkdirSync(outDir, { recursive: true });
try {
  for (const layout of ["normal", "changed"] as const) {
    site.setFault("changed-layout", layout === "changed");
    for (const page of RENDERED) {
      const file =
        layout === "changed" ? page.file.replace(".rendered", "-changed.rendered") : page.file;
      const rendered = await browser.renderPage(`${site.url}${page.path}`, {
        waitFor: page.waitFor,
        timeoutMs: 10_000,
      });
      writeFileSync(new URL(file, outDir), rendered.html);
      console.log(`wrote pages/rendered/${file} (${rendered.html.length} characters)`);
    }
  }
} finally {
  await browser.close();
  await site.close();
}
