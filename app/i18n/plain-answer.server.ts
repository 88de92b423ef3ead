/**
 * A plain-text answer of a CSV or resource route (no page to show a message on), in the
 * reader's language: the catalogue key's words and a final newline.
 */

import { resolveLocale } from "./locale.server";
import { localeT } from "./locale-t";

export async function plainAnswer(request: Request, status: number, key: string) {
  const t = localeT(await resolveLocale(request));
  return new Response(`${t(key)}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
