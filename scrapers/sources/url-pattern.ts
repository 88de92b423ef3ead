/**
 * URL patterns for custom sources: "https://example.com/stats/{date}?page={page}". Pure.
 *
 * Why read the page number back from the URL: `parse` gets only the URL it is parsing, and
 * the page number is what keeps the same metric on page 1 and page 2 apart.
 */
import { dayOf } from "./periods";

export const PLACEHOLDERS = ["date", "page"] as const;

export function fillPattern(pattern: string, values: { date: Date; page: number }): string {
  return pattern
    .replaceAll("{date}", encodeURIComponent(dayOf(values.date)))
    .replaceAll("{page}", String(values.page));
}

/** The URLs of one run: pages 1…pages (only when the pattern has "{page}"). */
export function expandPattern(pattern: string, pages: number, now: Date): string[] {
  const count = pattern.includes("{page}") ? pages : 1;
  return Array.from({ length: count }, (_, i) => fillPattern(pattern, { date: now, page: i + 1 }));
}

/** The {page} value in a URL made from `pattern`, or undefined. */
export function pageNumberOf(pattern: string, url: string): number | undefined {
  if (!pattern.includes("{page}")) return undefined;
  const source = pattern
    .split(/(\{date\}|\{page\})/)
    .map((part) =>
      part === "{page}"
        ? "(\\d+)"
        : part === "{date}"
          ? "[^/?#&]+"
          : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  const match = new RegExp(`^${source}$`).exec(url);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
