/**
 * Telegram public channel preview pages (`https://t.me/s/<channel>`): static HTML.
 *
 * Read: the channel title, its counters (subscribers, photos, videos, links, files) and the
 * recent posts with their date and views. Derived per channel and fetch day: posts per
 * week, average views per post and engagement rate (average views / subscribers).
 * Counters are localised and abbreviated ("12.5K subscribers", "3,4 млн подписчиков").
 */
import * as cheerio from "cheerio";
import { z } from "zod";
import { message } from "~/analytics/message-code";
import { parseAbbreviatedCount } from "./abbreviated-count";
import { observationSchema, validateObservations } from "./observation";
import { dayOf, instantOf, tidy } from "./periods";
import { LayoutChangedError, type Observation, type SourceAdapter } from "./types";

export const TelegramConfigSchema = z.object({
  /** "acme_news", "@acme_news" or "https://t.me/acme_news" — stored as "acme_news". */
  channel: z
    .string()
    .trim()
    .transform((c) => c.replace(/^(?:https?:\/\/)?t\.me\/(?:s\/)?|^@/i, "").toLowerCase())
    .pipe(
      z
        .string()
        .regex(/^[a-z][a-z0-9_]{3,31}$/, message("messages:sources.config.notTelegramChannel")),
    ),
  baseUrl: z.url({ protocol: /^https?$/ }).default("https://t.me"),
});
export type TelegramConfig = z.infer<typeof TelegramConfigSchema>;

const COUNTER_METRICS: Array<[RegExp, string]> = [
  [/^(?:subscriber|подписчик|abone)/i, "subscribers"],
  [/^(?:photo|фото|fotoğraf)/i, "photos"],
  [/^(?:video|видео)/i, "videos"],
  [/^(?:link|ссыл|bağlantı)/i, "links"],
  [/^(?:file|файл|dosya)/i, "files"],
];

const DAY_MS = 86_400_000;
const schema = observationSchema(["channel", "post"]);

interface Post {
  id: string;
  publishedAt: string;
  views: number | undefined;
}

function readCounters($: cheerio.CheerioAPI): Map<string, number> {
  const counters = new Map<string, number>();
  $(".tgme_channel_info_counter").each((_, element) => {
    const type = $(element).find(".counter_type").text().trim();
    const valueText = $(element).find(".counter_value").text().trim();
    const metric = COUNTER_METRICS.find(([pattern]) => pattern.test(type))?.[1];
    if (!metric) return;
    const value = parseAbbreviatedCount(valueText);
    if (value === undefined) {
      throw new LayoutChangedError(
        `telegram counter "${type}" has unreadable value "${valueText}"`,
      );
    }
    counters.set(metric, value);
  });
  return counters;
}

function readPosts($: cheerio.CheerioAPI): Post[] {
  const posts: Post[] = [];
  $(".tgme_widget_message_wrap .tgme_widget_message[data-post]").each((_, element) => {
    const message = $(element);
    if (message.hasClass("service_message")) return; // "channel photo updated" and the like
    const id = message.attr("data-post") ?? "";
    const datetime = message.find("time[datetime]").first().attr("datetime") ?? "";
    const publishedAt = instantOf(datetime);
    if (!publishedAt) throw new LayoutChangedError(`telegram post ${id} has no time[datetime]`);
    const viewsText = message.find(".tgme_widget_message_views").first().text().trim();
    const views = viewsText === "" ? undefined : parseAbbreviatedCount(viewsText);
    if (viewsText !== "" && views === undefined) {
      throw new LayoutChangedError(`telegram post ${id} has unreadable views "${viewsText}"`);
    }
    posts.push({ id, publishedAt, views });
  });
  return posts;
}

export function parseTelegram(html: string, url: string, config: TelegramConfig, fetchedAt: Date) {
  const $ = cheerio.load(html);
  const title = $(".tgme_channel_info_header_title").first().text().trim();
  if (!title)
    throw new LayoutChangedError("telegram channel title (.tgme_channel_info_header_title)");
  const counters = readCounters($);
  const subscribers = counters.get("subscribers");
  if (subscribers === undefined) {
    throw new LayoutChangedError(
      "telegram subscriber counter (.tgme_channel_info_counter with .counter_value/.counter_type)",
    );
  }
  if ($(".tgme_channel_history").length === 0) {
    throw new LayoutChangedError("telegram message history (.tgme_channel_history)");
  }
  const posts = readPosts($);
  const withViews = posts.filter((p) => p.views !== undefined);
  if (posts.length > 0 && withViews.length === 0) {
    throw new LayoutChangedError("telegram post views (.tgme_widget_message_views)");
  }

  const channel = config.channel;
  const period = dayOf(fetchedAt);
  const observations: Observation[] = [
    {
      entityType: "channel",
      entity: channel,
      metric: "title",
      period,
      value: null,
      textValue: title,
      url,
    },
  ];
  for (const [metric, value] of counters) {
    observations.push({ entityType: "channel", entity: channel, metric, period, value, url });
  }
  for (const post of posts) {
    const base = { entityType: "post", entity: post.id, period, url };
    observations.push({
      ...base,
      metric: "published_at",
      value: null,
      textValue: post.publishedAt,
    });
    if (post.views !== undefined)
      observations.push({ ...base, metric: "views", value: post.views });
  }
  if (withViews.length > 0) {
    const oldest = Math.min(...posts.map((p) => Date.parse(p.publishedAt)));
    // At least a day, so that two posts an hour ago do not read as 336 a week.
    const days = Math.max(1, (fetchedAt.getTime() - oldest) / DAY_MS);
    const totalViews = withViews.reduce((sum, p) => sum + (p.views ?? 0), 0);
    const averageViews = totalViews / withViews.length;
    const derived: Array<[string, number]> = [
      ["posts_per_week", tidy((posts.length / days) * 7)],
      ["avg_views_per_post", tidy(averageViews)],
    ];
    if (subscribers > 0) derived.push(["engagement_rate", tidy(averageViews / subscribers)]);
    for (const [metric, value] of derived) {
      observations.push({ entityType: "channel", entity: channel, metric, period, value, url });
    }
  }
  return validateObservations(schema, observations);
}

export const telegramAdapter: SourceAdapter<TelegramConfig> = {
  id: "telegram",
  label: "Telegram channel (public preview page)",
  needsBrowser: false,
  configSchema: TelegramConfigSchema,
  urls: (config) => [`${config.baseUrl.replace(/\/+$/, "")}/s/${config.channel}`],
  parse: parseTelegram,
};
