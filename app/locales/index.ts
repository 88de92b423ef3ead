/**
 * The bundled catalogues, one JSON file per area and language (an i18next namespace each).
 * A new area: add its three files here; tests/unit/i18n/catalogues.test.ts checks they match.
 */
import enAuth from "./en/auth.json";
import enCampaigns from "./en/campaigns.json";
import enCommon from "./en/common.json";
import enWorkspace from "./en/workspace.json";
import ruAuth from "./ru/auth.json";
import ruCampaigns from "./ru/campaigns.json";
import ruCommon from "./ru/common.json";
import ruWorkspace from "./ru/workspace.json";
import trAuth from "./tr/auth.json";
import trCampaigns from "./tr/campaigns.json";
import trCommon from "./tr/common.json";
import trWorkspace from "./tr/workspace.json";

export const resources = {
  en: { common: enCommon, auth: enAuth, campaigns: enCampaigns, workspace: enWorkspace },
  tr: { common: trCommon, auth: trAuth, campaigns: trCampaigns, workspace: trWorkspace },
  ru: { common: ruCommon, auth: ruAuth, campaigns: ruCampaigns, workspace: ruWorkspace },
};
