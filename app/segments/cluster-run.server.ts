/**
 * k-means segments for a workspace: chosen features of the consented customers → log (if
 * asked) and z-scores (scaling.ts) → k-means for k = 2..10 with k chosen by silhouette
 * unless fixed (clustering.ts) → PCA scatter coordinates (projection.ts) → readable
 * profiles with suggested names (profiles.ts). Stored as an analysis_runs row plus one
 * segment_assignments row per clustered customer.
 */

import type { WorkspaceScope } from "#db/scoped";
import { CLUSTERING_DEFAULTS, clusterFeatures } from "~/analytics/clustering";
import { dayToIsoDate } from "~/analytics/columns";
import { profileClusters } from "~/analytics/profiles";
import { projectTo2d } from "~/analytics/projection";
import { prepareFeatures } from "~/analytics/scaling";
import { featureNameLabels } from "./cluster-labels";
import { SegmentInputError } from "./errors";
import { type Feature, loadFeatureTable } from "./features.server";
import { parseAsOf } from "./reference-day";
import { type RunOptions, withRun } from "./run-lifecycle.server";
import { saveAssignments } from "./runs.server";

export interface ClusterParams {
  features: string[];
  /** Fix k instead of choosing it by silhouette. */
  k?: number;
  /** Features to log-transform, t(x) = sign(x)·ln(1 + |x|), before standardising. */
  log?: string[];
  seed?: number;
  /** Customers with a missing value: left out ("drop", default) or given the median. */
  missing?: "drop" | "median";
  asOf?: string;
}

function pickFeatures(all: Feature[], params: ClusterParams): Feature[] {
  const names = [...new Set(params.features)];
  if (names.length === 0) throw new SegmentInputError("Choose at least one feature");
  const byName = new Map(all.map((f) => [f.name, f]));
  const unknown = [...names, ...(params.log ?? [])].filter((name) => !byName.has(name));
  if (unknown.length > 0) {
    const known = all.map((f) => f.name).join(", ");
    throw new SegmentInputError(`Unknown feature(s): ${unknown.join(", ")}. Known: ${known}`);
  }
  const notChosen = (params.log ?? []).filter((name) => !names.includes(name));
  if (notChosen.length > 0)
    throw new SegmentInputError(`--log names features not chosen: ${notChosen.join(", ")}`);
  return names.map((name) => byName.get(name) as Feature);
}

export async function runClustering(
  scope: WorkspaceScope,
  params: ClusterParams,
  options: RunOptions = {},
) {
  const referenceDay = parseAsOf(params.asOf);
  const seed = params.seed ?? CLUSTERING_DEFAULTS.seed;
  const missing = params.missing ?? "drop";
  if (params.k !== undefined && !(Number.isInteger(params.k) && params.k >= 2))
    throw new SegmentInputError("k must be a whole number ≥ 2");
  const stored = { ...params, seed, missing };
  return withRun(scope, "cluster", stored, options, async (runId, progress) => {
    await progress(5, "Reading customers and transactions");
    const table = loadFeatureTable(scope, { referenceDay });
    const chosen = pickFeatures(table.features, params);
    const logged = new Set(params.log ?? []);
    const prepared = prepareFeatures(
      chosen.map((f) => ({ name: f.name, values: f.values, log: logged.has(f.name) })),
      missing === "drop" ? "drop-rows" : "impute-median",
    );
    const rows = prepared.matrix.rows;
    if (rows < 3) {
      const why = table.exclusion.empty_reason;
      throw new SegmentInputError(
        `Only ${rows} customers can be used: too few to cluster${why ? `. ${why}` : ""}`,
      );
    }
    if (params.k !== undefined && params.k >= rows)
      throw new SegmentInputError(`k = ${params.k} needs more than ${rows} customers`);

    await progress(25, "Fitting k-means for k = 2..10");
    const clustering = clusterFeatures(prepared.matrix, { fixedK: params.k, seed });
    await progress(75, "Projecting and profiling");
    const { k, labels } = clustering;
    const projection =
      prepared.matrix.cols >= 2
        ? projectTo2d(prepared.matrix, prepared.names)
        : {
            x: prepared.matrix.data,
            y: new Float64Array(rows),
            explainedVariance: [1, 0],
            loadings: [],
          };
    const kept = (values: ArrayLike<unknown>) => Array.from(prepared.rowIndex, (i) => values[i]);
    const profiles = profileClusters(
      labels,
      k,
      chosen.map((f) => ({
        name: f.name,
        values: Float64Array.from(prepared.rowIndex, (i) => f.values[i] as number),
        ...featureNameLabels(f.name, f.label),
      })),
      [
        { name: "gender", values: kept(table.profile.gender) as (string | null)[] },
        { name: "city", values: kept(table.profile.city) as (string | null)[] },
      ],
    );

    await progress(85, "Saving segments");
    saveAssignments(
      scope,
      runId,
      Array.from(prepared.rowIndex, (position, row) => {
        const values: Record<string, number> = { cluster: labels[row] as number };
        for (const f of chosen) {
          const v = f.values[position] as number;
          if (!Number.isNaN(v)) values[f.name] = v;
        }
        return {
          customerId: table.customers.ids[position] as number,
          segment: profiles[labels[row] as number]?.suggestedName ?? `Cluster ${labels[row]}`,
          values,
          x: projection.x[row] as number,
          y: projection.y[row] as number,
        };
      }),
    );
    await progress(100, "Done");
    const chosenCandidate = clustering.candidates.find((c) => c.k === k);
    return {
      reference_date: dayToIsoDate(table.referenceDay),
      features: prepared.names,
      log: [...logged],
      missing,
      seed,
      k,
      chosen_by: clustering.kChosenBy,
      silhouette: chosenCandidate?.silhouette ?? null,
      inertia_by_k: clustering.candidates.map((c) => ({ k: c.k, inertia: c.inertia })),
      silhouette_by_k: clustering.candidates.map((c) => ({ k: c.k, silhouette: c.silhouette })),
      silhouette_sample_size: clustering.silhouetteRows,
      silhouette_sampled: clustering.silhouetteSampled,
      fit_sample_size: clustering.fitRows,
      customers_used: rows,
      dropped_missing: prepared.droppedRows,
      imputed: prepared.imputedPerFeature,
      ...table.exclusion,
      sizes: profiles.map((p) => ({
        cluster: p.cluster,
        name: p.suggestedName,
        customers: p.size,
        share: p.share,
      })),
      profiles,
      projection: {
        explained_variance: projection.explainedVariance,
        loadings: projection.loadings,
      },
    };
  });
}
