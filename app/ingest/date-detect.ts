/**
 * Which date format a column uses, decided from every sample value rather than the first
 * row: "03/04/2024" fits both dd/mm and mm/dd, and only a later "25/04/2024" settles it.
 */
import { type DateFormat, dateFormats, parseDate } from "./dates";

export type ColumnDateFormat =
  | { status: "not_date" }
  | {
      status: "detected";
      format: DateFormat;
      hasTime: boolean;
      /** Sample values the format does not fit (at most five), to show beside the column. */
      invalidSamples: string[];
      /**
       * Set when the sample fitted several formats and a later cell of the file settled it
       * (see date-settle.server.ts): that cell's line and text.
       */
      settledBy?: { line: number; value: string };
    }
  | {
      /** Every value fits more than one format (e.g. all days ≤ 12): ask the user. */
      status: "ambiguous";
      candidates: DateFormat[];
      hasTime: boolean;
    };

/** A column with a few typos is still a date column; one with mostly other text is not. */
const MIN_FIT_SHARE = 0.8;
const MAX_INVALID_SAMPLES = 5;

export function detectDateFormat(values: readonly string[]): ColumnDateFormat {
  const filled = values.map((value) => value.trim()).filter((value) => value.length > 0);
  if (filled.length === 0) return { status: "not_date" };

  const fits = dateFormats.map((format) => {
    let fitting = 0;
    let withTime = 0;
    for (const value of filled) {
      const parsed = parseDate(value, format);
      if (parsed.ok) {
        fitting += 1;
        if (parsed.hasTime) withTime += 1;
      }
    }
    return { format, fitting, withTime };
  });

  const best = Math.max(...fits.map((fit) => fit.fitting));
  if (best === 0 || best / filled.length < MIN_FIT_SHARE) return { status: "not_date" };

  const winners = fits.filter((fit) => fit.fitting === best);
  const hasTime = winners.some((fit) => fit.withTime > 0);
  const [only] = winners;
  if (winners.length > 1 || !only) {
    return { status: "ambiguous", candidates: winners.map((fit) => fit.format), hasTime };
  }
  const invalidSamples = filled
    .filter((value) => !parseDate(value, only.format).ok)
    .slice(0, MAX_INVALID_SAMPLES);
  return { status: "detected", format: only.format, hasTime, invalidSamples };
}
