// The UI language: saved choice > browser cookie > Accept-Language > English.
import { describe, expect, it } from "vitest";
import { chooseLocale, fromAcceptLanguage } from "~/i18n/choose-locale";

describe("chooseLocale", () => {
  it("prefers the user's saved language over the cookie and the browser", () => {
    expect(chooseLocale({ saved: "ru", cookie: "tr", acceptLanguage: "en-US" })).toBe("ru");
  });

  it("uses the cookie when nothing is saved", () => {
    expect(chooseLocale({ saved: null, cookie: "tr", acceptLanguage: "ru-RU,ru" })).toBe("tr");
  });

  it("falls back to the browser's languages, then English", () => {
    expect(chooseLocale({ acceptLanguage: "tr-TR,tr;q=0.9,en;q=0.8" })).toBe("tr");
    expect(chooseLocale({ acceptLanguage: "de-DE,de;q=0.9" })).toBe("en");
    expect(chooseLocale({})).toBe("en");
  });

  it("ignores values that are not a supported language", () => {
    expect(chooseLocale({ saved: "de", cookie: "xx", acceptLanguage: "ru" })).toBe("ru");
  });
});

describe("fromAcceptLanguage", () => {
  it("orders by q weight, keeps header order on ties and skips q=0", () => {
    expect(fromAcceptLanguage("en;q=0.5, ru;q=0.8")).toBe("ru");
    expect(fromAcceptLanguage("fr, tr, ru")).toBe("tr");
    expect(fromAcceptLanguage("ru;q=0, en;q=0.1")).toBe("en");
    expect(fromAcceptLanguage("*")).toBeNull();
  });
});
