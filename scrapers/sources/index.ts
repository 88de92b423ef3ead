/**
 * The source adapters by id (the value stored in `sources.adapter`), and the helpers the
 * job handler and the upload flow use with them.
 */
import { customAdapter } from "./custom";
import { siteStatsAdapter } from "./site-stats";
import { telegramAdapter } from "./telegram";
import { trendsAdapter } from "./trends";
import type { SourceAdapter } from "./types";
import { videoAdapter } from "./video";

export const adapters = {
  telegram: telegramAdapter,
  video: videoAdapter,
  "site-stats": siteStatsAdapter,
  trends: trendsAdapter,
  custom: customAdapter,
} as const satisfies Record<string, SourceAdapter<unknown>>;

export type AdapterId = keyof typeof adapters;

export function isAdapterId(id: string): id is AdapterId {
  return Object.hasOwn(adapters, id);
}

/** The adapter for a stored id, typed loosely: validate the config with its configSchema. */
export function getAdapter(id: string): SourceAdapter<unknown> | undefined {
  return isAdapterId(id) ? adapters[id] : undefined;
}

export { parseAbbreviatedCount } from "./abbreviated-count";
export { parseTrendsCsv, TrendsCsvError } from "./trends-csv";
export {
  adapterNeedsBrowser,
  LayoutChangedError,
  type Observation,
  type SourceAdapter,
} from "./types";
