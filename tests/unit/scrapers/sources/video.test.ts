import { describe, expect, it } from "vitest";
import { LayoutChangedError } from "#scrapers/sources/types";
import { parseVideoChannel, VideoConfigSchema, videoAdapter } from "#scrapers/sources/video";
import { FETCHED_AT, videoChannel } from "../../../fixture-site/expected";
import { readPage } from "../../../fixture-site/pages";

const URL = "https://www.youtube.com/@acmebank/videos";
const config = VideoConfigSchema.parse({ handle: "acmebank" });

describe("video adapter", () => {
  it("needs a browser and builds the channel's videos URL", () => {
    expect(videoAdapter.needsBrowser).toBe(true);
    expect(videoAdapter.urls(config)).toEqual([URL]);
    expect(videoAdapter.waitFor?.(config)).toBe("#page-header h1");
  });

  it("reads the rendered page: header counts, videos, dates resolved against the fetch time", () => {
    const html = readPage("rendered/video.rendered.html");
    expect(parseVideoChannel(html, URL, config, FETCHED_AT)).toEqual(videoChannel(URL));
  });

  it("sees nothing in the page as served, before its script runs", () => {
    expect(() => parseVideoChannel(readPage("video.html"), URL, config, FETCHED_AT)).toThrow(
      "layout changed: video channel title (#page-header h1)",
    );
  });

  it("fails with 'layout changed' when the header no longer shows subscribers", () => {
    const html = readPage("rendered/video-changed.rendered.html");
    const parse = () => parseVideoChannel(html, URL, config, FETCHED_AT);
    expect(parse).toThrow(LayoutChangedError);
    expect(parse).toThrow("video channel subscribers");
  });

  it("names the video whose metadata it cannot read", () => {
    const html = readPage("rendered/video.rendered.html").replace("3 weeks ago", "sometime");
    expect(() => parseVideoChannel(html, URL, config, FETCHED_AT)).toThrow(/video item vA3mZ7/);
  });
});
