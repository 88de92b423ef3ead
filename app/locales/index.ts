/**
 * The bundled catalogues, one JSON file per area and language (an i18next namespace each).
 * A new area: add its three files here; tests/unit/i18n/catalogues.test.ts checks they match.
 */
import enAuth from "./en/auth.json";
import enCampaigns from "./en/campaigns.json";
import enCommon from "./en/common.json";
import enData from "./en/data.json";
import enForecast from "./en/forecast.json";
import enScraping from "./en/scraping.json";
import enSegments from "./en/segments.json";
import enWorkspace from "./en/workspace.json";
import ruAuth from "./ru/auth.json";
import ruCampaigns from "./ru/campaigns.json";
import ruCommon from "./ru/common.json";
import ruData from "./ru/data.json";
import ruForecast from "./ru/forecast.json";
import ruScraping from "./ru/scraping.json";
import ruSegments from "./ru/segments.json";
import ruWorkspace from "./ru/workspace.json";
import trAuth from "./tr/auth.json";
import trCampaigns from "./tr/campaigns.json";
import trCommon from "./tr/common.json";
import trData from "./tr/data.json";
import trForecast from "./tr/forecast.json";
import trScraping from "./tr/scraping.json";
import trSegments from "./tr/segments.json";
import trWorkspace from "./tr/workspace.json";

export const resources = {
  en: {
    common: enCommon,
    auth: enAuth,
    campaigns: enCampaigns,
    data: enData,
    forecast: enForecast,
    scraping: enScraping,
    segments: enSegments,
    workspace: enWorkspace,
  },
  tr: {
    common: trCommon,
    auth: trAuth,
    campaigns: trCampaigns,
    data: trData,
    forecast: trForecast,
    scraping: trScraping,
    segments: trSegments,
    workspace: trWorkspace,
  },
  ru: {
    common: ruCommon,
    auth: ruAuth,
    campaigns: ruCampaigns,
    data: ruData,
    forecast: ruForecast,
    scraping: ruScraping,
    segments: ruSegments,
    workspace: ruWorkspace,
  },
};
