import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localeNames, supportedLocales } from "~/i18n/config";

/** One button per language (works without JavaScript); the current one is pressed. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" className="language-switcher">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <fieldset>
        <legend className="small muted">{t("language.label")}</legend>
        {supportedLocales.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            className="link"
            aria-pressed={i18n.language === locale}
          >
            {localeNames[locale]}
          </button>
        ))}
      </fieldset>
    </Form>
  );
}
