/**
 * Scraping benchmark: 2,000 generated Telegram-shaped pages from the fixture site on
 * 127.0.0.1, fetched and parsed by our pipeline (the polite fetcher: robots.txt checked,
 * address guard, retries, size limit; then the telegram adapter's parse with its zod
 * validation), and by Crawlee's CheerioCrawler (memory storage, no browser, robots.txt
 * respected) as the reference, at the same concurrency. The per-host delay is off for the
 * bench host only: both sides then measure their own work, not a sleep.
 *
 *   npm run bench:scrape -- [--pages 2000] [--concurrency 10] [--rounds 3]
 *
 * Each pipeline runs in a child process of its own, so its peak RSS is its own; rounds
 * alternate the two and the median pages/s is reported (the machine may be shared).
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { benchPageExpected, benchPageUrls } from "../tests/fixture-site/bench-pages";
import { startFixtureSite } from "../tests/fixture-site/server";

const TARGET_RATIO = 1.0;

const { values: flags } = parseArgs({
  options: {
    pages: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    // Internal: run one pipeline against --origin and print its figures as JSON.
    pipeline: { type: "string" },
    origin: { type: "string" },
  },
});
const pages = Number(flags.pages);
const concurrency = Number(flags.concurrency);

interface Figures {
  pipeline: string;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  peakRssMb: number;
  checked: number;
}

/** The channel a bench page shows, and whether the parse found its subscriber count. */
function expectedFor(url: string) {
  const index = Number(/page-(\d+)\.html$/.exec(url)?.[1]);
  return benchPageExpected(index);
}

async function runOurs(urls: string[]): Promise<number> {
  const { createFetcher } = await import("#scrapers/fetch/fetch-page");
  const { parseTelegram } = await import("#scrapers/sources/telegram");
  const fetcher = createFetcher({
    allowHosts: ["127.0.0.1"],
    perHostConcurrency: concurrency,
    perHostDelayMs: 0,
  });
  let next = 0;
  let checked = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++] as string;
      const page = await fetcher.fetchPage(url);
      const { channel, subscribers } = expectedFor(url);
      const observations = parseTelegram(
        page.body,
        page.url,
        { channel, baseUrl: "" },
        page.fetchedAt,
      );
      const found = observations.find((o) => o.metric === "subscribers")?.value;
      if (found !== subscribers) throw new Error(`${url}: subscribers ${found} ≠ ${subscribers}`);
      checked++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await fetcher.close();
  return checked;
}

async function runCrawlee(urls: string[]): Promise<number> {
  const { CheerioCrawler, Configuration, log } = await import("@crawlee/cheerio");
  log.setLevel(log.LEVELS.ERROR);
  let checked = 0;
  const crawler = new CheerioCrawler(
    {
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      respectRobotsTxtFile: true,
      maxRequestRetries: 2,
      // Crawlee has parsed the page into `$`; read the same figure our parse checks.
      requestHandler: async ({ $, request }) => {
        const { subscribers } = expectedFor(request.url);
        const text = $(".tgme_channel_info_counter .counter_value").first().text().trim();
        if (Number(text) !== subscribers)
          throw new Error(`${request.url}: ${text} ≠ ${subscribers}`);
        checked++;
      },
    },
    new Configuration({ persistStorage: false }),
  );
  await crawler.run(urls);
  return checked;
}

async function runPipeline(name: string, origin: string): Promise<Figures> {
  const urls = benchPageUrls(origin, pages);
  const started = process.hrtime.bigint();
  const checked = name === "ours" ? await runOurs(urls) : await runCrawlee(urls);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (checked !== pages) throw new Error(`${name}: ${checked} of ${pages} pages checked`);
  return {
    pipeline: name,
    pages,
    seconds,
    pagesPerSecond: pages / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    checked,
  };
}

function runChild(name: string, origin: string): Promise<Figures> {
  const args = ["--import", "tsx", "bench/scrape.ts", "--pipeline", name, "--origin", origin];
  args.push("--pages", String(pages), "--concurrency", String(concurrency));
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code === 0) resolve(JSON.parse(line) as Figures);
      else reject(new Error(`${name} exited with ${code}: ${out}`));
    });
  });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main() {
  if (flags.pipeline && flags.origin) {
    console.log(JSON.stringify(await runPipeline(flags.pipeline, flags.origin)));
    return;
  }
  const site = await startFixtureSite({ benchPages: pages, forbiddenHost: false });
  const results: Record<string, Figures[]> = { ours: [], crawlee: [] };
  try {
    for (let round = 1; round <= Number(flags.rounds); round++) {
      for (const name of round % 2 ? ["ours", "crawlee"] : ["crawlee", "ours"]) {
        const figures = await runChild(name, site.url);
        results[name]?.push(figures);
        console.log(
          `round ${round} ${name.padEnd(7)} ${figures.pagesPerSecond.toFixed(0).padStart(6)} pages/s` +
            `  ${figures.seconds.toFixed(2)} s  peak RSS ${figures.peakRssMb.toFixed(0)} MB`,
        );
      }
    }
  } finally {
    await site.close();
  }
  const summary = (name: string) => ({
    pagesPerSecond: median((results[name] ?? []).map((f) => f.pagesPerSecond)),
    peakRssMb: Math.max(...(results[name] ?? []).map((f) => f.peakRssMb)),
  });
  const ours = summary("ours");
  const crawlee = summary("crawlee");
  const ratio = ours.pagesPerSecond / crawlee.pagesPerSecond;
  console.log(`\n${pages} pages, concurrency ${concurrency}, median of ${flags.rounds} rounds`);
  console.log(
    `ours (fetcher + telegram parse): ${ours.pagesPerSecond.toFixed(0)} pages/s, peak RSS ${ours.peakRssMb.toFixed(0)} MB`,
  );
  console.log(
    `Crawlee CheerioCrawler:          ${crawlee.pagesPerSecond.toFixed(0)} pages/s, peak RSS ${crawlee.peakRssMb.toFixed(0)} MB`,
  );
  console.log(
    `ratio ours / Crawlee: ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO.toFixed(1)}) ${ratio >= TARGET_RATIO ? "OK" : "BELOW TARGET"}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
