/**
 * The "product-match" report: a segment run's Products tab for its rule thresholds. The
 * next-best table (single customers) is left out, so the report is aggregates only: shareable.
 */
import {
  type ProductMatchPage,
  productMatchPage,
  THRESHOLD_PARAMS,
} from "~/segments/product-match-page.server";
import type { ReportTable } from "../report-table";
import { type ReportKind, singleParams } from "./report-kind.server";
import {
  forFinishedRun,
  isMissingRun,
  type MissingRun,
  runParams,
} from "./segment-run-params.server";

export const productMatchReport: ReportKind<ProductMatchPage | MissingRun> = {
  page: "segments/:run/products",
  params: runParams(THRESHOLD_PARAMS),
  personal: false,
  dateRange: null,
  build: (scope, params) =>
    forFinishedRun(scope, params, (run) =>
      productMatchPage(scope, run, singleParams(params), { customerRows: false }),
    ),
  tables: (data): ReportTable[] => {
    if (isMissingRun(data)) return [];
    const label = (segment: string) => data.labels[segment] ?? segment;
    const liftColumns = ["segment_rate", "base_rate", "lift", "lift_low", "lift_high"];
    return [
      {
        name: "category-lift",
        columns: ["segment", "category", ...liftColumns],
        rows: data.report.segments.flatMap((s) =>
          s.categories.map((c) => [
            label(s.segment),
            c.item,
            c.segmentRate,
            c.baseRate,
            c.lift,
            c.liftLow,
            c.liftHigh,
          ]),
        ),
      },
      {
        name: "product-lift",
        columns: ["segment", "product", "name", ...liftColumns],
        rows: data.report.segments.flatMap((s) =>
          s.products.map((p) => [
            label(s.segment),
            p.item,
            p.name,
            p.segmentRate,
            p.baseRate,
            p.lift,
            p.liftLow,
            p.liftHigh,
          ]),
        ),
      },
      {
        name: "association-rules",
        columns: ["if_bought", "then_also", "support", "confidence", "lift", "baskets"],
        rows: data.report.association_rules.rules.map((r) => [
          r.antecedent.join(" + "),
          r.consequent.join(" + "),
          r.support,
          r.confidence,
          r.lift,
          r.count,
        ]),
      },
    ];
  },
};
