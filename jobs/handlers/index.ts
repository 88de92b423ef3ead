import { importDatasetHandler } from "~/ingest/import-job.server";
import type { JobHandler } from "../registry";
import { reportDeliveryHandler } from "./report-delivery";
import { responseCurvesHandler } from "./response-curves";
import { scrapeSourceHandler } from "./scrape-source";
import { segmentRunHandler } from "./segment-run";
import { valueTrainHandler } from "./value-train";

/**
 * Every handler the worker CLI registers. Empty for now: later issues add the ingest,
 * scrape-source and recompute-segments handlers here (each built with `defineHandler`).
 */
export const allHandlers: readonly JobHandler[] = [
  segmentRunHandler,
  importDatasetHandler,
  scrapeSourceHandler,
  responseCurvesHandler,
  reportDeliveryHandler,
  valueTrainHandler,
];
