/**
 * The demo workspace's sources, all pointing at the local fixture site (tests/fixture-site,
 * served by the start command with SCRAPER_ALLOW_HOSTS=127.0.0.1), so the demo shows real
 * scheduled scraping without touching the internet.
 */
import type { WorkspaceScope } from "#db/scoped";
import { createSource, listSources, type NewSource, type Source } from "./sources.server";

/** Every 15 minutes, in the workspace's time zone. */
export const DEMO_SCHEDULE = "*/15 * * * *";

export function demoSourceDefinitions(fixtureSiteUrl: string): NewSource[] {
  const baseUrl = fixtureSiteUrl.replace(/\/+$/, "");
  const source = (name: string, adapter: string, config: Record<string, unknown>) => ({
    name,
    adapter,
    config,
    schedule: DEMO_SCHEDULE,
  });
  return [
    source("Acme Bank News (Telegram)", "telegram", { channel: "acme_news", baseUrl }),
    source("Банк Новости (Telegram)", "telegram", { channel: "bank_ru", baseUrl }),
    source("Acme Bank site statistics", "site-stats", { domain: "acmebank.example", baseUrl }),
    source("Credit search trends", "trends", {
      keywords: ["kredi kartı", "ihtiyaç kredisi", "konut kredisi"],
      geo: "TR",
      baseUrl,
    }),
    source("Acme Bank videos", "video", { handle: "@acmebank", baseUrl }),
    source("Acme Market public KPIs", "custom", {
      url: `${baseUrl}/custom/report.html`,
      entity: "Acme Market",
      metrics: [
        { name: "followers", selector: "#followers", type: "integer" },
        { name: "conversion", selector: '[data-kpi="conversion"]', type: "percent" },
        { name: "avg_session", selector: '[data-kpi="session"]', type: "duration" },
      ],
    }),
  ];
}

/** Creates the demo sources once; a second call adds nothing (matched by name). */
export function seedDemoSources(scope: WorkspaceScope, fixtureSiteUrl: string): Source[] {
  const existing = new Set(listSources(scope).map((s) => s.name));
  return demoSourceDefinitions(fixtureSiteUrl)
    .filter((definition) => !existing.has(definition.name))
    .map((definition) => createSource(scope, definition));
}
