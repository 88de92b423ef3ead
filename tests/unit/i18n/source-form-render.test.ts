// The Scrapers page's add-source form: adapter names, config field labels and hints and
// the posted form's errors read in the reader's language, English kept for the e2e specs.
import { createElement } from "react";
import { afterAll, describe, expect, it } from "vitest";
import { SourceForm } from "~/components/scraping/SourceForm";
import type { Locale } from "~/i18n/config";
import { message } from "~/i18n/message-code";
import { renderInLocale, resetFormatLocale } from "../../helpers/render-in-locale";

const adapters = [
  { id: "telegram", label: "Telegram channel (public preview page)" },
  { id: "custom", label: "Custom page (CSS selectors)" },
];
const errors = {
  name: message("messages:sources.enterName"),
  channel: message("messages:sources.required"),
  schedule: message("messages:sources.tooOften"),
};

function render(locale: Locale): Promise<string> {
  return renderInLocale(locale, createElement(SourceForm, { adapters, timeZone: "UTC", errors }));
}

afterAll(resetFormatLocale);

describe("SourceForm", () => {
  it("keeps the English labels and messages", async () => {
    const html = await render("en");
    expect(html).toContain("Telegram channel (public preview page)");
    expect(html).toContain("Site address (optional)");
    expect(html).toContain("Leave empty for https://t.me;");
    expect(html).toContain("Enter a name");
    expect(html).toContain("Runs at most every 5 minutes, to be polite");
  });

  it("reads in Turkish", async () => {
    const html = await render("tr");
    expect(html).toContain("Telegram kanalı (herkese açık önizleme sayfası)");
    expect(html).toContain("Özel sayfa (CSS seçicileri)");
    expect(html).toContain("Site adresi (isteğe bağlı)");
    expect(html).toContain("https://t.me için boş bırakın;");
    expect(html).toContain("Bir ad girin");
    expect(html).toContain("Zorunlu");
  });

  it("reads in Russian", async () => {
    const html = await render("ru");
    expect(html).toContain("Канал Telegram (публичная страница предпросмотра)");
    expect(html).toContain("Адрес сайта (необязательно)");
    expect(html).toContain("Введите название");
    expect(html).toContain("Запуск не чаще раза в 5 минут");
  });
});
