/**
 * Video channel pages in the shape of YouTube's channel "Videos" tab. Needs a browser: the
 * page arrives as an empty shell and its script builds the channel header and video grid.
 *
 * Read from the rendered page: channel title, subscribers, video count, and for each recent
 * video its views and publication day (relative dates like "3 days ago" are resolved
 * against the fetch time, to the day). Derived: average views per listed video.
 */
import * as cheerio from "cheerio";
import { z } from "zod";
import { message } from "~/analytics/message-code";
import { observationSchema, validateObservations } from "./observation";
import { dayOf, tidy } from "./periods";
import { resolveRelativeDate } from "./relative-date";
import { LayoutChangedError, type Observation, type SourceAdapter } from "./types";
import { parseCount } from "./value-parsers";

export const VideoConfigSchema = z.object({
  /** "@acmebank" (a leading "@" is added when missing). */
  handle: z
    .string()
    .trim()
    .transform((h) => (h.startsWith("@") ? h : `@${h}`))
    .pipe(
      z.string().regex(/^@[A-Za-z0-9._-]{3,30}$/, message("messages:sources.config.notHandle")),
    ),
  baseUrl: z.url({ protocol: /^https?$/ }).default("https://www.youtube.com"),
});
export type VideoConfig = z.infer<typeof VideoConfigSchema>;

const schema = observationSchema(["channel", "video"]);
const HEADER_TITLE = "#page-header h1";
const VIDEO_ITEM = "ytd-rich-item-renderer";

/** "1.23M subscribers" in the header's "@handle • … • …" row. */
function headerCount($: cheerio.CheerioAPI, word: RegExp, what: string): number {
  const parts = $("#page-header yt-content-metadata-view-model span")
    .toArray()
    .map((part) => $(part).text().trim());
  const text = parts.find((part) => word.test(part));
  const count = text === undefined ? undefined : parseCount(text);
  if (count === undefined) {
    throw new LayoutChangedError(`video channel ${what} (#page-header metadata row "… ${what}")`);
  }
  return count;
}

/** "12K views" → 12000; "No views" → 0. */
function viewsOf(text: string): number | undefined {
  if (/^no views$/i.test(text)) return 0;
  return /\bviews?$/i.test(text) ? parseCount(text) : undefined;
}

export function parseVideoChannel(html: string, url: string, config: VideoConfig, fetchedAt: Date) {
  const $ = cheerio.load(html);
  const title = $(HEADER_TITLE).first().text().trim();
  if (!title) throw new LayoutChangedError(`video channel title (${HEADER_TITLE})`);
  const subscribers = headerCount($, /subscriber/i, "subscribers");
  const videoCount = headerCount($, /\bvideos?$/i, "videos");
  const items = $(VIDEO_ITEM).toArray();
  if (videoCount > 0 && items.length === 0) {
    throw new LayoutChangedError(`video grid items (${VIDEO_ITEM})`);
  }

  const period = dayOf(fetchedAt);
  const channel = config.handle;
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
    {
      entityType: "channel",
      entity: channel,
      metric: "subscribers",
      period,
      value: subscribers,
      url,
    },
    { entityType: "channel", entity: channel, metric: "videos", period, value: videoCount, url },
  ];
  let totalViews = 0;
  for (const item of items) {
    const link = $(item).find("a#video-title-link").first();
    const id = new URL(link.attr("href") ?? "", "https://video.invalid").searchParams.get("v");
    const videoTitle = $(item).find("#video-title").first().text().trim();
    const [viewsText = "", dateText = ""] = $(item)
      .find("#metadata-line .inline-metadata-item")
      .toArray()
      .map((span) => $(span).text().trim());
    const views = viewsOf(viewsText);
    const published = resolveRelativeDate(dateText, fetchedAt);
    if (!id || !videoTitle || views === undefined || published === undefined) {
      throw new LayoutChangedError(
        `video item ${id ?? "(no id)"}: link, title, "N views" or "N days ago" in #metadata-line`,
      );
    }
    totalViews += views;
    const base = { entityType: "video", entity: id, period, url };
    observations.push(
      { ...base, metric: "title", value: null, textValue: videoTitle },
      { ...base, metric: "views", value: views },
      { ...base, metric: "published_on", value: null, textValue: published },
    );
  }
  if (items.length > 0) {
    observations.push({
      entityType: "channel",
      entity: channel,
      metric: "avg_views_per_video",
      period,
      value: tidy(totalViews / items.length),
      url,
    });
  }
  return validateObservations(schema, observations);
}

export const videoAdapter: SourceAdapter<VideoConfig> = {
  id: "video",
  label: "Video channel (YouTube-like, rendered in a browser)",
  needsBrowser: true,
  configSchema: VideoConfigSchema,
  urls: (config) => [`${config.baseUrl.replace(/\/+$/, "")}/${config.handle}/videos`],
  parse: parseVideoChannel,
  waitFor: () => `${HEADER_TITLE}`,
};
