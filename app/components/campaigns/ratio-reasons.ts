/**
 * The reason a ratio has no value, in the reader's language. The analytics (pure, and
 * stored in report snapshots) phrase reasons in English; their four shapes are translated
 * here at render, so old snapshots read in every language too.
 */
import type { TFunction } from "i18next";

const MEASURE_WORDS = ["spend", "impressions", "clicks", "conversions", "revenue"];

export function translateRatioReason(t: TFunction, reason: string): string {
  const measure = (word: string) =>
    MEASURE_WORDS.includes(word) ? t(`campaigns:measures.${word}`) : word;
  if (reason === "no rows") return t("campaigns:reasons.noRows");
  let match = /^no (\w+) column \(or every \w+ cell is empty\)$/.exec(reason);
  if (match) return t("campaigns:reasons.noColumn", { measure: measure(match[1] as string) });
  match = /^(\w+) is missing on (\d+) of (\d+) rows$/.exec(reason);
  if (match) {
    return t("campaigns:reasons.missingOn", {
      measure: measure(match[1] as string),
      // Numbers, so the catalogue writes them in t's language ({{rows, number}}).
      missing: Number(match[2]),
      rows: Number(match[3]),
    });
  }
  match = /^zero (\w+)$/.exec(reason);
  if (match) return t("campaigns:reasons.zero", { measure: measure(match[1] as string) });
  return reason;
}
