import type { JobHandler } from "../registry";
import { importDatasetHandler } from "./import-dataset";
import { notificationPlanHandler, planEstimateHandler } from "./notification-plan";
import { reportDeliveryHandler } from "./report-delivery";
import { responseCurvesHandler } from "./response-curves";
import { runViewsHandler } from "./run-views";
import { scrapeSourceHandler } from "./scrape-source";
import { segmentRunHandler } from "./segment-run";
import { valueTrainHandler } from "./value-train";

/**
 * Every handler the worker registers; each lives in this folder, built with `defineHandler`.
 */
export const allHandlers: readonly JobHandler[] = [
  segmentRunHandler,
  importDatasetHandler,
  scrapeSourceHandler,
  responseCurvesHandler,
  reportDeliveryHandler,
  runViewsHandler,
  notificationPlanHandler,
  planEstimateHandler,
  valueTrainHandler,
];
