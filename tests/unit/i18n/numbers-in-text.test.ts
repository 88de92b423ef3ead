// Numbers inside sentences are written as the tables beside them write them (~/format):
// "12,345" (en), "12.345" (tr), "12 345" (ru, a no-break space), worked out by hand.
import fs from "node:fs";
import path from "node:path";
import { createInstance, type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { translateRatioReason } from "~/components/campaigns/ratio-reasons";
import { type Locale, supportedLocales } from "~/i18n/config";
import { i18nextOptions } from "~/i18n/options";

const NBSP = "\u00a0";

function translator(locale: Locale): TFunction {
  const i18n = createInstance();
  i18n.init({ ...i18nextOptions(locale), initImmediate: false });
  return i18n.t;
}

function placeholders(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string") found.push(...(value.match(/\{\{[^}]+\}\}/g) ?? []));
  else if (value && typeof value === "object")
    for (const inner of Object.values(value)) placeholders(inner, found);
  return found;
}

describe("numbers in running text", () => {
  it("writes every {{count}} of every catalogue as a number", () => {
    for (const locale of supportedLocales) {
      const dir = path.join("app/locales", locale);
      for (const file of fs.readdirSync(dir)) {
        const found = placeholders(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
        const raw = found.filter((p) => /^\{\{\s*count\s*\}\}$/.test(p));
        expect(raw, `${locale}/${file}`).toEqual([]);
      }
    }
  });

  it("groups thousands per language through ~/format", () => {
    const read = (locale: Locale, count: number) =>
      translator(locale)("scraping:testResult.read", { count, url: "u" });
    expect(read("en", 12345)).toBe("Test read 12,345 values from u");
    expect(read("tr", 12345)).toBe("Deneme u adresinden 12.345 değer okudu");
    expect(read("ru", 12345)).toBe(`Проверка прочитала 12${NBSP}345 значений с u`);
  });

  it("formats the figures of a ratio's reason", () => {
    const reason = "clicks is missing on 1234 of 56789 rows";
    expect(translateRatioReason(translator("en"), reason)).toBe(
      "clicks is missing on 1,234 of 56,789 rows",
    );
    expect(translateRatioReason(translator("ru"), reason)).toContain(
      `нет в 1${NBSP}234 из 56${NBSP}789 строк`,
    );
  });
});
