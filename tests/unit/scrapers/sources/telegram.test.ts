import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { parseTelegram, TelegramConfigSchema, telegramAdapter } from "#scrapers/sources/telegram";
import { LayoutChangedError } from "#scrapers/sources/types";
import { FETCHED_AT, telegramEnglish, telegramRussian } from "../../../fixture-site/expected";
import { readPage } from "../../../fixture-site/pages";

const URL_EN = "https://t.me/s/acme_news";
const en = TelegramConfigSchema.parse({ channel: "acme_news" });

/** The English fixture with one change made to it. */
function editedPage(edit: ($: cheerio.CheerioAPI) => void): string {
  const $ = cheerio.load(readPage("telegram-en.html"));
  edit($);
  return $.html();
}

describe("telegram adapter", () => {
  it("normalises the channel and builds the preview URL", () => {
    for (const channel of [
      "acme_news",
      "@Acme_News",
      "https://t.me/acme_news",
      "t.me/s/acme_news",
    ]) {
      const config = TelegramConfigSchema.parse({ channel });
      expect(telegramAdapter.urls(config)).toEqual([URL_EN]);
    }
    const local = TelegramConfigSchema.parse({
      channel: "bank_ru",
      baseUrl: "http://127.0.0.1:4100/",
    });
    expect(telegramAdapter.urls(local)).toEqual(["http://127.0.0.1:4100/s/bank_ru"]);
    expect(TelegramConfigSchema.safeParse({ channel: "a b" }).success).toBe(false);
  });

  it("reads the English page: counters, posts, and the derived channel figures", () => {
    expect(parseTelegram(readPage("telegram-en.html"), URL_EN, en, FETCHED_AT)).toEqual(
      telegramEnglish(URL_EN),
    );
  });

  it("reads Russian abbreviations and converts post times to UTC", () => {
    const url = "https://t.me/s/bank_ru";
    const config = TelegramConfigSchema.parse({ channel: "bank_ru" });
    expect(parseTelegram(readPage("telegram-ru.html"), url, config, FETCHED_AT)).toEqual(
      telegramRussian(url),
    );
  });

  it("counts at least one day, so fresh posts do not inflate posts per week", () => {
    const onlyNewest = editedPage(($) => $(".tgme_widget_message_wrap").slice(0, -1).remove());
    // Fetched 30 minutes after the only post: 1 post over (at least) 1 day is 7 a week.
    const result = parseTelegram(onlyNewest, URL_EN, en, new Date("2026-11-21T07:00:00Z"));
    expect(result.filter((o) => o.entityType === "post").map((o) => o.entity)).toEqual([
      "acme_news/1206",
      "acme_news/1206",
    ]);
    expect(result.find((o) => o.metric === "posts_per_week")?.value).toBe(7);
  });

  it("stores the channel without derived figures when it has no posts yet", () => {
    const empty = editedPage(($) => $(".tgme_widget_message_wrap").remove());
    const result = parseTelegram(empty, URL_EN, en, FETCHED_AT);
    expect(result.map((o) => o.metric)).toEqual([
      "title",
      "subscribers",
      "photos",
      "videos",
      "links",
    ]);
  });

  it("fails with 'layout changed' on the redesigned page, never with zeros", () => {
    const parse = () => parseTelegram(readPage("telegram-en-changed.html"), URL_EN, en, FETCHED_AT);
    expect(parse).toThrow(LayoutChangedError);
    expect(parse).toThrow(
      "layout changed: telegram channel title (.tgme_channel_info_header_title)",
    );
  });

  it.each([
    [
      "the subscriber counter",
      ($: cheerio.CheerioAPI) => $("a.tgme_channel_info_counter").remove(),
      "telegram subscriber counter (.tgme_channel_info_counter with .counter_value/.counter_type)",
    ],
    [
      "the message history",
      ($: cheerio.CheerioAPI) => $(".tgme_channel_history").removeClass("tgme_channel_history"),
      "telegram message history (.tgme_channel_history)",
    ],
    [
      "a post's date",
      ($: cheerio.CheerioAPI) => $('[data-post="acme_news/1202"] time').removeAttr("datetime"),
      "telegram post acme_news/1202 has no time[datetime]",
    ],
    [
      "the view counts",
      ($: cheerio.CheerioAPI) => $(".tgme_widget_message_views").remove(),
      "telegram post views (.tgme_widget_message_views)",
    ],
  ])("names what is missing when %s changes", (_what, edit, message) => {
    expect(() => parseTelegram(editedPage(edit), URL_EN, en, FETCHED_AT)).toThrow(
      `layout changed: ${message}`,
    );
  });

  it("refuses a counter it cannot read rather than storing a guess", () => {
    const html = readPage("telegram-en.html").replace(">12.5K<", ">lots<");
    expect(() => parseTelegram(html, URL_EN, en, FETCHED_AT)).toThrow(
      'telegram counter "subscribers" has unreadable value "lots"',
    );
  });
});
