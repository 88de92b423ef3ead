/** Reading the saved fixture pages (pure file reads, for unit tests and the server). */
import { readFileSync } from "node:fs";

const PAGES_DIR = new URL("./pages/", import.meta.url);

/** A saved page by file name, e.g. "telegram-en.html" or "rendered/video.rendered.html". */
export function readPage(name: string): string {
  return readFileSync(new URL(name, PAGES_DIR), "utf8");
}
