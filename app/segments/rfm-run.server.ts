/**
 * RFM for a workspace: consented customers' transactions from SQLite → computeRfm
 * (analytics/rfm.ts) → an analysis_runs row with the segment summary and one
 * segment_assignments row per scored customer ({recency_days, frequency, monetary,
 * avg_order_value, r, f, m}). Frequency counts orders: the lines sharing an order id are one
 * order, a line without one is an order by itself (docs/analytics.md §1).
 */

import type { WorkspaceScope } from "#db/scoped";
import { computeRfm } from "~/analytics/rfm";
import { RFM_SEGMENT_RULES, rfmSegmentGrid } from "~/analytics/rfm-segments";
import type { AnalysisExclusion } from "~/customers/analysable.server";
import { loadConsentedCustomers } from "./consented-customers.server";
import { defaultReferenceDay, parseAsOf } from "./reference-day";
import { type RunOptions, withRun } from "./run-lifecycle.server";
import { saveAssignments } from "./runs.server";
import { loadTransactionColumns } from "./transaction-columns.server";

export interface RfmParams {
  /** Reference date D (YYYY-MM-DD); rows on or after D are ignored. Default: last day + 1. */
  asOf?: string;
}

export interface RfmSegmentRow {
  segment: string;
  customers: number;
  share: number;
  monetary_total: number;
  revenue_share: number;
  /** Orders of the segment's customers (Σ frequency); absent in runs made before orders. */
  orders?: number;
  /** Net spend per order: monetary_total / orders. */
  avg_order_value?: number;
  mean_r: number;
  mean_f: number;
  mean_m: number;
  mean_recency_days: number;
  mean_frequency: number;
  mean_monetary: number;
}

export interface RfmRunResult extends Record<string, unknown>, AnalysisExclusion {
  reference_date: string;
  customers_scored: number;
  /** Consented customers with no purchase before the reference date. */
  customers_without_purchase: number;
  transactions_used: number;
  transactions_after_reference: number;
  segments: RfmSegmentRow[];
  rules: { segment: string; r: readonly number[]; fm: readonly number[]; description: string }[];
  /** grid[r − 1][fm − 1] = segment, for drawing the R × FM map. */
  grid: string[][];
}

export async function runRfm(
  scope: WorkspaceScope,
  params: RfmParams = {},
  options: RunOptions = {},
): Promise<{ run_id: number } & RfmRunResult> {
  const asOfDay = parseAsOf(params.asOf);
  return withRun(scope, "rfm", { ...params }, options, async (runId, progress) => {
    await progress(5, "Reading transactions");
    const consented = loadConsentedCustomers(scope);
    const columns = loadTransactionColumns(scope, consented.index, {
      withOrder: true,
    });
    await progress(50, "Scoring customers");
    const rfm = computeRfm(
      {
        customerIndex: columns.customerIndex,
        day: columns.day,
        netAmount: columns.amount,
        isReturn: columns.isReturn,
        orderIndex: columns.orderIndex,
      },
      Array.from(consented.index.ids, String),
      { referenceDay: asOfDay ?? defaultReferenceDay(columns.day) },
    );
    await progress(70, "Saving segments");
    saveAssignments(
      scope,
      runId,
      rfm.customers.map((c) => ({
        customerId: Number(c.customerId),
        segment: c.segment,
        values: {
          recency_days: c.recencyDays,
          frequency: c.frequency,
          monetary: c.monetary,
          avg_order_value: c.avgOrderValue,
          r: c.r,
          f: c.f,
          m: c.m,
        },
      })),
    );
    await progress(100, "Done");
    return {
      reference_date: rfm.referenceDate,
      ...consented.exclusion,
      customers_scored: rfm.customers.length,
      customers_without_purchase: rfm.unscoredCustomers,
      transactions_used: columns.rows - rfm.rowsAfterReference,
      transactions_after_reference: rfm.rowsAfterReference,
      segments: rfm.segments.map((s) => ({
        segment: s.segment,
        customers: s.count,
        share: s.share,
        monetary_total: s.revenue,
        revenue_share: s.revenueShare,
        orders: s.orders,
        avg_order_value: s.avgOrderValue,
        mean_r: s.meanR,
        mean_f: s.meanF,
        mean_m: s.meanM,
        mean_recency_days: s.meanRecencyDays,
        mean_frequency: s.meanFrequency,
        mean_monetary: s.meanMonetary,
      })),
      rules: RFM_SEGMENT_RULES.map((rule) => ({ ...rule })),
      grid: rfmSegmentGrid(),
    };
  });
}
