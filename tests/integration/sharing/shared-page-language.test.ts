// A shared report has no signed-in reader: its page opens in the language the viewer's
// browser asks for (Accept-Language; the switcher's cookie is tested in i18n/locale-choice),
// rendered on the server the way entry.server.tsx renders it.
import { createInstance } from "i18next";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from "react-router-dom/server";
import { afterAll, describe, expect, it } from "vitest";
import { campaigns } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { schema } from "~/db.server";
import { setLocaleSource } from "~/format";
import { defaultLocale } from "~/i18n/config";
import { resolveLocale } from "~/i18n/locale.server";
import { i18nextOptions } from "~/i18n/options";
import * as publicPage from "~/routes/s.$token";
import { createShareLink } from "~/sharing/share-links.server";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { BASE } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";

const { db } = setUpTestDb();

const owner = await createUser({
  email: "owner@lang.test",
  name: "Owner",
  password: "correct horse battery",
});
const workspace = createWorkspace({ slug: "lang", name: "Lang" }, owner);
const scope = scopeTo(db, workspace.id);
const dataset = scope.insert(schema.datasets, {
  kind: "campaigns",
  fileName: "campaigns.csv",
  status: "succeeded",
  uploadedBy: owner.id,
});
scope.insert(campaigns, {
  datasetId: dataset.id,
  campaignKey: "search-1",
  name: "Search spring",
  channel: "Search",
  date: "2025-03-01",
  spend: 100,
  revenue: 500,
  rowHash: "search-2025-03-01",
});
const report = scope.insert(schema.reports, {
  kind: "campaign-roi",
  title: "March ROI",
  params: { from: "2025-03-01", to: "2025-03-31", by: "channel" },
  mode: "live",
  createdBy: owner.id,
});
const { token } = await createShareLink(scope, owner.id, report.id);

afterAll(() => setLocaleSource(() => defaultLocale));

/** The /s/<token> document for a browser sending these headers. */
async function renderShared(path: string, headers: Record<string, string>): Promise<string> {
  const request = new Request(`${BASE}${path}`, { headers });
  const locale = await resolveLocale(request);
  const handler = createStaticHandler([
    {
      id: "shared",
      path: "/s/:token",
      loader: async (args) => {
        const result = (await publicPage.loader({
          ...args,
          context: { clientAddress: "203.0.113.7" },
        })) as { data: unknown };
        return result.data;
      },
      Component: publicPage.default,
      ErrorBoundary: publicPage.ErrorBoundary,
    },
  ]);
  const context = await handler.query(request);
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const i18n = createInstance();
  await i18n.use(initReactI18next).init(i18nextOptions(locale));
  setLocaleSource(() => locale);
  const router = createStaticRouter(handler.dataRoutes, context);
  // createElement, not JSX: vitest collects *.test.ts only.
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(StaticRouterProvider, { router, context }),
    ),
  );
}

describe("the shared report page's language", () => {
  it("is Turkish for a browser that asks for Turkish", async () => {
    const html = await renderShared(`/s/${token}`, { "Accept-Language": "tr-TR,tr;q=0.9" });
    expect(html).toContain("Paylaşılan rapor · salt okunur · Kampanya ROI");
    expect(html).toContain("Channelscope üzerinden paylaşılan salt okunur bir rapor.");
    expect(html).toContain("(2 satır)");
    expect(html).not.toContain("Shared report");
  });

  it("is Russian for a Russian browser, and English without a preference", async () => {
    const ru = await renderShared(`/s/${token}`, { "Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5" });
    expect(ru).toContain("Общий отчёт · только просмотр · ROI кампаний");
    expect(ru).toContain("(2 строки)");
    const en = await renderShared(`/s/${token}`, {});
    expect(en).toContain("Shared report · read-only · Campaign ROI");
  });

  it("says a link is not valid in the viewer's language", async () => {
    const html = await renderShared("/s/not-a-real-token", { "Accept-Language": "tr" });
    expect(html).toContain("Bu bağlantı geçerli değil");
  });
});
