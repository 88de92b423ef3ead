import { defaultLocale, isLocale, type Locale } from "./config";

/**
 * The UI language of a request: the signed-in user's saved choice, else the browser's
 * remembered choice (cookie), else the first supported language the browser asks for in
 * Accept-Language (by its q weight), else English. Pure, so the order is tested directly.
 */
export function chooseLocale(input: {
  saved?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(input.saved)) return input.saved;
  if (isLocale(input.cookie)) return input.cookie;
  return fromAcceptLanguage(input.acceptLanguage) ?? defaultLocale;
}

/** "tr-TR,tr;q=0.9,en;q=0.8" → "tr"; regional tags count for their language. */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const asked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { language: tag.split("-")[0]?.toLowerCase() ?? "", weight, index };
    })
    .filter((a) => Number.isFinite(a.weight) && a.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return asked.map((a) => a.language).find(isLocale) ?? null;
}
