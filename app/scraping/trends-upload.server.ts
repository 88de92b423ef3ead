/**
 * The trends CSV a marketer downloads from the trends site ("multiTimeline.csv"), uploaded
 * on the Trends page instead of scraped. Points of an earlier upload for the same keyword
 * and week are replaced, so uploading a newer export twice never duplicates.
 */
import type { WorkspaceScope } from "#db/scoped";
import { afterDataChanged } from "#jobs/after-data-changed";
import { parseTrendsCsv, TrendsCsvError } from "#scrapers/sources/index";
import { message } from "~/i18n/message-code";
import { formatBytes, UploadError } from "~/ingest/archive.server";
import { TRENDS_CSV_MAX_BYTES } from "./limits";
import { replaceUploadedObservations } from "./observations.server";

export { TrendsCsvError };

export interface TrendsImport {
  observationsWritten: number;
  keywords: string[];
}

export function importTrendsCsv(
  scope: WorkspaceScope,
  text: string,
  fileName: string,
  now = new Date(),
): TrendsImport {
  if (Buffer.byteLength(text) > TRENDS_CSV_MAX_BYTES) {
    throw new UploadError(
      message("messages:ingest.form.fileTooLarge", { size: formatBytes(TRENDS_CSV_MAX_BYTES) }),
    );
  }
  const safeName = fileName.replace(/[^\w.\- ]+/g, "_").slice(0, 100) || "trends.csv";
  const list = parseTrendsCsv(text, { url: `upload:${safeName}` });
  const observationsWritten = replaceUploadedObservations(scope, list, now);
  afterDataChanged(scope, now);
  return { observationsWritten, keywords: [...new Set(list.map((o) => o.entity))] };
}
