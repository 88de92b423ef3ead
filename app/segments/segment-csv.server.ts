/**
 * CSV downloads of a run: its segment table and a segment's members. Written with the
 * customers export helpers (app/customers/csv.ts), which neutralise formula injection (a
 * text cell starting with = + - @ gets a leading ') and add the BOM Excel needs.
 */

import {
  clusterResult,
  labelOf,
  rfmResult,
  segmentLabels,
} from "~/components/segments/run-results";
import { csvLines } from "~/customers/csv";
import type { AnalysisRun } from "~/segments/runs.server";
import type { MemberRow } from "./run-queries.server";

export function segmentTableCsv(run: AnalysisRun): string {
  const rfm = rfmResult(run);
  if (rfm) {
    const header = [
      ...["segment", "customers", "share", "revenue", "revenue_share"],
      ...["mean_recency_days", "mean_frequency", "mean_monetary", "mean_r", "mean_f", "mean_m"],
      // Last, so columns read by position keep their place; empty for runs made before orders.
      ...["orders", "avg_order_value"],
    ];
    return [
      ...csvLines(header, rfm.segments, (s) => [
        s.segment,
        s.customers,
        s.share,
        s.monetary_total,
        s.revenue_share,
        s.mean_recency_days,
        s.mean_frequency,
        s.mean_monetary,
        s.mean_r,
        s.mean_f,
        s.mean_m,
        s.orders ?? "",
        s.avg_order_value ?? "",
      ]),
    ].join("");
  }
  const cluster = clusterResult(run);
  if (!cluster) return "";
  const labels = segmentLabels(run);
  const features = cluster.features;
  const header = [
    ...["cluster", "name", "suggested_name", "customers", "share"],
    ...features.flatMap((f) => [`mean_${f}`, `overall_mean_${f}`]),
  ];
  return [
    ...csvLines(header, cluster.profiles, (p) => [
      p.cluster,
      labelOf(labels, p.suggestedName),
      p.suggestedName,
      p.size,
      p.share,
      ...features.flatMap((name) => {
        const feature = p.features.find((f) => f.name === name);
        return [feature?.mean, feature?.overallMean];
      }),
    ]),
  ].join("");
}

/** One line per member: id, name, segment and the run's figures for that customer. */
export function membersCsv(run: AnalysisRun, rows: readonly MemberRow[]): string {
  const labels = segmentLabels(run);
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row.values ?? {})))];
  return [
    ...csvLines(["customer_id", "name", "segment", ...keys], rows, (row) => [
      row.customerId,
      row.name,
      labelOf(labels, row.segment),
      ...keys.map((key) => row.values?.[key]),
    ]),
  ].join("");
}

/** A file name made of safe characters only. */
export function csvFileName(...parts: (string | number)[]): string {
  return `${parts.join("-")}.csv`.replace(/[^\w.-]+/g, "_");
}

export function csvResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
