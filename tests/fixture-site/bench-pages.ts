/**
 * Generated Telegram-shaped pages for the scraping benchmark: /bench/page-<i>.html, each a
 * channel preview with counters, a few posts and links to the next pages, so a crawl of
 * 2,000 pages exercises fetching and parsing without 2,000 files on disk. Deterministic:
 * page i always has the same numbers, which `benchPageExpected` states for checking.
 */

export const BENCH_POSTS_PER_PAGE = 5;

export function benchPagePath(index: number): string {
  return `/bench/page-${index}.html`;
}

export function benchPageUrls(origin: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${origin}${benchPagePath(i)}`);
}

/** The channel name and subscriber count page `index` shows. */
export function benchPageExpected(index: number) {
  return { channel: `bench_${String(index).padStart(4, "0")}`, subscribers: 1_000 + index * 37 };
}

export function benchPageHtml(index: number, total: number): string {
  const { channel, subscribers } = benchPageExpected(index);
  const posts = Array.from({ length: BENCH_POSTS_PER_PAGE }, (_, p) => {
    const id = index * 100 + p;
    const day = String(10 + p).padStart(2, "0");
    return `
    <div class="tgme_widget_message_wrap js-widget_message_wrap">
      <div class="tgme_widget_message js-widget_message" data-post="${channel}/${id}">
        <div class="tgme_widget_message_text js-message_text" dir="auto">Post ${p + 1} of channel ${index}.</div>
        <div class="tgme_widget_message_info short js-message_info">
          <span class="tgme_widget_message_views">${100 + index + p}</span>
          <span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/${channel}/${id}"><time datetime="2026-11-${day}T12:00:00+00:00" class="time">12:00</time></a></span>
        </div>
      </div>
    </div>`;
  }).join("");
  const links = Array.from({ length: 5 }, (_, k) => (index + k + 1) % total)
    .map((next) => `<a class="related" href="${benchPagePath(next)}">channel ${next}</a>`)
    .join(" ");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Bench channel ${index} – Telegram</title></head>
<body class="tgme_webpreview_body">
  <section class="tgme_right_column">
    <div class="tgme_channel_info">
      <div class="tgme_channel_info_header">
        <div class="tgme_channel_info_header_title"><span dir="auto">Bench channel ${index}</span></div>
      </div>
      <div class="tgme_channel_info_counters">
        <div class="tgme_channel_info_counter"><span class="counter_value">${subscribers}</span> <span class="counter_type">subscribers</span></div>
      </div>
    </div>
    <nav class="related-channels">${links}</nav>
  </section>
  <section class="tgme_channel_history js-message_history">${posts}
  </section>
</body></html>
`;
}
