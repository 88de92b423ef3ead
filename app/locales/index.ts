/**
 * The bundled catalogues, one JSON file per area and language (an i18next namespace each).
 * A new area: add its three files here; tests/unit/i18n/catalogues.test.ts checks they match.
 */
import enAuth from "./en/auth.json";
import enCampaigns from "./en/campaigns.json";
import enCommon from "./en/common.json";
import enSegments from "./en/segments.json";
import enWorkspace from "./en/workspace.json";
import ruAuth from "./ru/auth.json";
import ruCampaigns from "./ru/campaigns.json";
import ruCommon from "./ru/common.json";
import ruSegments from "./ru/segments.json";
import ruWorkspace from "./ru/workspace.json";
import trAuth from "./tr/auth.json";
import trCampaigns from "./tr/campaigns.json";
import trCommon from "./tr/common.json";
import trSegments from "./tr/segments.json";
import trWorkspace from "./tr/workspace.json";

export const resources = {
  en: {
    common: enCommon,
    auth: enAuth,
    campaigns: enCampaigns,
    segments: enSegments,
    workspace: enWorkspace,
  },
  tr: {
    common: trCommon,
    auth: trAuth,
    campaigns: trCampaigns,
    segments: trSegments,
    workspace: trWorkspace,
  },
  ru: {
    common: ruCommon,
    auth: ruAuth,
    campaigns: ruCampaigns,
    segments: ruSegments,
    workspace: ruWorkspace,
  },
};
