import type { JobHandler } from "../registry";

/**
 * Every handler the worker CLI registers. Empty for now: later issues add the ingest,
 * scrape-source and recompute-segments handlers here (each built with `defineHandler`).
 */
export const allHandlers: readonly JobHandler[] = [];
