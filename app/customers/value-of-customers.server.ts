/**
 * Predicted values as the customer page, segment member lists and segment rankings read
 * them: always from the newest training that stored values, with its horizon.
 */
import type { WorkspaceScope } from "#db/scoped";
import { latestValuedModel } from "./value-models.server";

export interface CustomerValueFigure {
  value: number;
  horizonDays: number;
  modelId: number;
  method: string;
}

export function predictedValueOf(
  scope: WorkspaceScope,
  customerId: number,
): CustomerValueFigure | null {
  const model = latestValuedModel(scope);
  if (!model) return null;
  const value = scope
    .sql(
      `SELECT predicted_value FROM customer_values
       WHERE workspace_id = @workspace AND model_id = ? AND customer_id = ?`,
    )
    .pluck()
    .get(model.id, customerId) as number | undefined;
  if (value === undefined) return null;
  return {
    value,
    horizonDays: model.horizonDays,
    modelId: model.id,
    method: String((model.result as { used?: string }).used ?? "model"),
  };
}

/** Predicted values of many customers at once (a member list page): id → value. */
export function predictedValuesOf(
  scope: WorkspaceScope,
  customerIds: readonly number[],
): { values: Record<number, number>; horizonDays: number } | null {
  const model = latestValuedModel(scope);
  if (!model) return null;
  const values: Record<number, number> = {};
  const statement = scope
    .sql(
      `SELECT customer_id, predicted_value FROM customer_values
       WHERE workspace_id = @workspace AND model_id = ? AND customer_id IN (SELECT value FROM json_each(?))`,
    )
    .raw();
  for (const [id, value] of statement.all(model.id, JSON.stringify(customerIds)) as [
    number,
    number,
  ][])
    values[id] = value;
  return { values, horizonDays: model.horizonDays };
}

export interface SegmentValueRank {
  segment: string;
  customers: number;
  valued: number;
  meanValue: number;
  totalValue: number;
}

/** Segments of a run ranked by the mean predicted value of their members. */
export function segmentsByPredictedValue(
  scope: WorkspaceScope,
  runId: number,
): { horizonDays: number; segments: SegmentValueRank[] } | null {
  const model = latestValuedModel(scope);
  if (!model) return null;
  const rows = scope
    .sql(
      `SELECT a.segment, count(*), count(v.customer_id), coalesce(avg(v.predicted_value), 0),
              coalesce(sum(v.predicted_value), 0)
       FROM segment_assignments a
       LEFT JOIN customer_values v
         ON v.customer_id = a.customer_id AND v.model_id = ? AND v.workspace_id = a.workspace_id
       WHERE a.workspace_id = @workspace AND a.run_id = ?
       GROUP BY a.segment`,
    )
    .raw()
    .all(model.id, runId) as [string, number, number, number, number][];
  return {
    horizonDays: model.horizonDays,
    segments: rows
      .map(([segment, customers, valued, meanValue, totalValue]) => ({
        segment,
        customers,
        valued,
        meanValue,
        totalValue,
      }))
      .sort((a, b) => b.meanValue - a.meanValue || a.segment.localeCompare(b.segment)),
  };
}

/**
 * The newest stored values as a clustering feature, aligned with `customerIds` (NaN for a
 * customer without a value, so clustering drops or imputes them); null before any training.
 */
export function predictedValueColumn(
  scope: WorkspaceScope,
  customerIds: ArrayLike<number>,
  positionOf: (id: number) => number,
): Float64Array | null {
  const model = latestValuedModel(scope);
  if (!model) return null;
  const column = new Float64Array(customerIds.length).fill(Number.NaN);
  for (const [id, value] of scope
    .sql(
      "SELECT customer_id, predicted_value FROM customer_values WHERE workspace_id = @workspace AND model_id = ?",
    )
    .raw()
    .iterate(model.id) as Iterable<[number, number]>) {
    const position = positionOf(id);
    if (position >= 0) column[position] = value;
  }
  return column;
}

/** Which training the stored values come from (for caches keyed on what they show). */
export function valuedModelMark(scope: WorkspaceScope): number {
  return latestValuedModel(scope)?.id ?? 0;
}
