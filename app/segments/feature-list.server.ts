/**
 * The features a workspace can cluster on, with how complete and how skewed each is, so the
 * page (and the CLI) can offer a log transform where it helps: |skewness| > 1 is the usual
 * rule of thumb for a distribution that one long tail would dominate.
 */

import type { WorkspaceScope } from "#db/scoped";
import { dayToIsoDate } from "~/analytics/columns";
import { skewness } from "~/analytics/stats";
import type { AnalysisExclusion } from "~/customers/analysable.server";
import { type FeatureSource, loadFeatureTable } from "./features.server";
import { parseAsOf } from "./reference-day";

export const LOG_SKEW_THRESHOLD = 1;

export interface FeatureInfo {
  name: string;
  label: string;
  source: FeatureSource;
  present: number;
  missing: number;
  mean: number | null;
  /** g₁ of the present values; null with fewer than 3 values. */
  skewness: number | null;
  /** true when |skewness| > 1: suggest a log transform. */
  suggest_log: boolean;
}

export interface FeatureList extends AnalysisExclusion {
  reference_date: string;
  customers: number;
  features: FeatureInfo[];
}

export function listAvailableFeatures(
  scope: WorkspaceScope,
  options: { asOf?: string } = {},
): FeatureList {
  const table = loadFeatureTable(scope, { referenceDay: parseAsOf(options.asOf) });
  const features = table.features
    .map((feature) => {
      const present = Float64Array.from(feature.values).filter((v) => !Number.isNaN(v));
      const skew = present.length >= 3 ? skewness(present) : null;
      const sum = present.reduce((a, b) => a + b, 0);
      return {
        name: feature.name,
        label: feature.label,
        source: feature.source,
        present: present.length,
        missing: feature.values.length - present.length,
        mean: present.length === 0 ? null : sum / present.length,
        skewness: skew,
        suggest_log: skew !== null && Math.abs(skew) > LOG_SKEW_THRESHOLD,
      };
    })
    // A feature nobody has (e.g. income never uploaded) cannot be clustered on.
    .filter((info) => info.present > 0);
  return {
    reference_date: dayToIsoDate(table.referenceDay),
    customers: table.customers.ids.length,
    ...table.exclusion,
    features,
  };
}
