/**
 * The bundled catalogues, one JSON file per area and language (an i18next namespace each).
 * A new area: add its three files here; tests/unit/i18n/catalogues.test.ts checks they match.
 */
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import ruAuth from "./ru/auth.json";
import ruCommon from "./ru/common.json";
import trAuth from "./tr/auth.json";
import trCommon from "./tr/common.json";

export const resources = {
  en: { common: enCommon, auth: enAuth },
  tr: { common: trCommon, auth: trAuth },
  ru: { common: ruCommon, auth: ruAuth },
};
