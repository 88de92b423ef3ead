/**
 * The "segment-run" report: a segment run's overview. RFM segments and cluster profiles are
 * aggregates; the cluster scatter's dots (single customers) are left out of the report, so it
 * is not personal and can be shared.
 */
import { findRun, type SegmentRunPage, segmentRunPage } from "~/segments/run-page.server";
import type { ReportTable } from "../report-table";
import type { ReportKind } from "./report-kind.server";
import { runParams } from "./segment-run-params.server";

export const segmentRunReport: ReportKind<SegmentRunPage> = {
  page: "segments/:run",
  params: runParams(),
  personal: false,
  dateRange: null,
  build: (scope, params) => {
    const run = findRun(scope, Number(params.run));
    if (!run)
      return {
        state: "failed",
        runId: Number(params.run),
        error: "This segment run no longer exists in the workspace.",
      };
    return segmentRunPage(scope, run, { canEdit: false, customerPoints: false });
  },
  tables: (data): ReportTable[] => {
    if (data.state === "rfm")
      return [
        {
          name: "segments",
          columns: [
            "segment",
            "customers",
            "share",
            "revenue",
            "revenue_share",
            "orders",
            "avg_order_value",
            "mean_recency_days",
            "mean_frequency",
            "mean_monetary",
          ],
          rows: data.result.segments.map((s) => [
            s.segment,
            s.customers,
            s.share,
            s.monetary_total,
            s.revenue_share,
            s.orders ?? null,
            s.avg_order_value ?? null,
            s.mean_recency_days,
            s.mean_frequency,
            s.mean_monetary,
          ]),
        },
      ];
    if (data.state === "cluster")
      return [
        {
          name: "clusters",
          columns: ["cluster", "name", "customers", "share"],
          rows: data.result.sizes.map((s) => [
            s.cluster,
            data.labels[s.name] ?? s.name,
            s.customers,
            s.share,
          ]),
        },
      ];
    return [];
  },
};
