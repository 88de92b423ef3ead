/**
 * The bundled catalogues, one JSON file per area and language (an i18next namespace each).
 * A new area: add its three files here; tests/unit/i18n/catalogues.test.ts checks they match.
 */
import enAuth from "./en/auth.json";
import enCampaigns from "./en/campaigns.json";
import enChannelMatch from "./en/channel-match.json";
import enCommon from "./en/common.json";
import enDashboard from "./en/dashboard.json";
import enData from "./en/data.json";
import enForecast from "./en/forecast.json";
import enMessages from "./en/messages.json";
import enNotifications from "./en/notifications.json";
import enReports from "./en/reports.json";
import enScraping from "./en/scraping.json";
import enSegments from "./en/segments.json";
import enSharing from "./en/sharing.json";
import enValue from "./en/value.json";
import enWorkspace from "./en/workspace.json";
import ruAuth from "./ru/auth.json";
import ruCampaigns from "./ru/campaigns.json";
import ruChannelMatch from "./ru/channel-match.json";
import ruCommon from "./ru/common.json";
import ruDashboard from "./ru/dashboard.json";
import ruData from "./ru/data.json";
import ruForecast from "./ru/forecast.json";
import ruMessages from "./ru/messages.json";
import ruNotifications from "./ru/notifications.json";
import ruReports from "./ru/reports.json";
import ruScraping from "./ru/scraping.json";
import ruSegments from "./ru/segments.json";
import ruSharing from "./ru/sharing.json";
import ruValue from "./ru/value.json";
import ruWorkspace from "./ru/workspace.json";
import trAuth from "./tr/auth.json";
import trCampaigns from "./tr/campaigns.json";
import trChannelMatch from "./tr/channel-match.json";
import trCommon from "./tr/common.json";
import trDashboard from "./tr/dashboard.json";
import trData from "./tr/data.json";
import trForecast from "./tr/forecast.json";
import trMessages from "./tr/messages.json";
import trNotifications from "./tr/notifications.json";
import trReports from "./tr/reports.json";
import trScraping from "./tr/scraping.json";
import trSegments from "./tr/segments.json";
import trSharing from "./tr/sharing.json";
import trValue from "./tr/value.json";
import trWorkspace from "./tr/workspace.json";

export const resources = {
  en: {
    common: enCommon,
    auth: enAuth,
    campaigns: enCampaigns,
    dashboard: enDashboard,
    data: enData,
    forecast: enForecast,
    notifications: enNotifications,
    reports: enReports,
    scraping: enScraping,
    segments: enSegments,
    sharing: enSharing,
    value: enValue,
    workspace: enWorkspace,
    // Messages built on the server (reasons, form errors, e-mails): ADR 031.
    messages: enMessages,
    // The channel match's page, reasons and diagnosis (analytics/channel-match.ts).
    channelmatch: enChannelMatch,
  },
  tr: {
    common: trCommon,
    auth: trAuth,
    campaigns: trCampaigns,
    dashboard: trDashboard,
    data: trData,
    forecast: trForecast,
    notifications: trNotifications,
    reports: trReports,
    scraping: trScraping,
    segments: trSegments,
    sharing: trSharing,
    value: trValue,
    workspace: trWorkspace,
    // Messages built on the server (reasons, form errors, e-mails): ADR 031.
    messages: trMessages,
    // The channel match's page, reasons and diagnosis (analytics/channel-match.ts).
    channelmatch: trChannelMatch,
  },
  ru: {
    common: ruCommon,
    auth: ruAuth,
    campaigns: ruCampaigns,
    dashboard: ruDashboard,
    data: ruData,
    forecast: ruForecast,
    notifications: ruNotifications,
    reports: ruReports,
    scraping: ruScraping,
    segments: ruSegments,
    sharing: ruSharing,
    value: ruValue,
    workspace: ruWorkspace,
    // Messages built on the server (reasons, form errors, e-mails): ADR 031.
    messages: ruMessages,
    // The channel match's page, reasons and diagnosis (analytics/channel-match.ts).
    channelmatch: ruChannelMatch,
  },
};
