/**
 * Customer value trainings (value_models) and the values they store (customer_values).
 * A training is a row created "queued" and worked by the queue (jobs/handlers/value-train.ts)
 * or in the CLI's process; its result holds the metrics of the model and both baselines,
 * which one the values come from and why (docs/analytics.md §24).
 */
import { desc, eq } from "drizzle-orm";
import { valueModels } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { enqueue } from "#jobs/queue";
import { trainValueModel, type ValueTrainingSuccess } from "~/analytics/customer-value/train";
import { isoFromDayNumber } from "~/analytics/day-number";
import { loadValueInputs } from "./value-inputs.server";

export const VALUE_TRAIN_JOB = "value-train";
export const DEFAULT_VALUE_HORIZON = 90;

export type ValueModelRow = typeof valueModels.$inferSelect;

/** What a training stores and the page, the CLI and reports read. */
export type StoredValueResult =
  | {
      ok: false;
      reason: "no_sales" | "too_little_history" | "too_few_customers";
      needed: number;
      excluded_customers: number;
    }
  | {
      ok: true;
      horizon_days: number;
      training_cutoff: string;
      evaluation_cutoff: string;
      scoring_cutoff: string;
      training_customers: number;
      evaluation_customers: number;
      scored_customers: number;
      excluded_customers: number;
      trees: number;
      metrics: ValueTrainingSuccess["metrics"];
      used: ValueTrainingSuccess["used"];
      reason: ValueTrainingSuccess["reason"];
      lost_to: ValueTrainingSuccess["lostTo"];
      importance: ValueTrainingSuccess["importance"];
      seconds: number;
    };

export class ValueModelNotFoundError extends Error {
  constructor(id: number) {
    super(`Value model ${id} was not found in this workspace`);
  }
}

export function createValueModel(
  scope: WorkspaceScope,
  horizonDays: number,
  userId: number | null,
): ValueModelRow {
  return scope.insert(valueModels, { horizonDays, status: "queued", createdBy: userId });
}

export function enqueueValueTraining(
  scope: WorkspaceScope,
  horizonDays: number,
  userId: number | null,
): { modelId: number; jobId: number } {
  const { workspaceId } = scope;
  return scope.db.transaction(() => {
    const model = createValueModel(scope, horizonDays, userId);
    const jobId = enqueue(scope.db, {
      kind: VALUE_TRAIN_JOB,
      workspaceId,
      payload: { workspaceId, modelId: model.id },
      dedupeKey: `value-train:${model.id}`,
    });
    scope.update(valueModels, { jobId }, eq(valueModels.id, model.id));
    return { modelId: model.id, jobId };
  });
}

/** Trains, evaluates and stores the values of one queued model. Re-running replaces them. */
export function trainAndStoreValues(scope: WorkspaceScope, modelId: number): StoredValueResult {
  const model = scope.first(valueModels, eq(valueModels.id, modelId));
  if (!model) throw new ValueModelNotFoundError(modelId);
  scope.update(valueModels, { status: "running", error: null }, eq(valueModels.id, modelId));
  const started = performance.now();
  const inputs = loadValueInputs(scope);
  const trained = trainValueModel(inputs.history, { horizonDays: model.horizonDays });
  let stored: StoredValueResult;
  if (!trained.ok) {
    stored = { ...trained, excluded_customers: inputs.excludedCustomers };
  } else {
    const insert = scope.sql(
      `INSERT INTO customer_values (workspace_id, model_id, customer_id, predicted_value)
       VALUES (@workspace, ?, ?, ?)`,
    );
    scope.db.$client.transaction(() => {
      scope
        .sql("DELETE FROM customer_values WHERE workspace_id = @workspace AND model_id = ?")
        .run(modelId);
      const { customers, values } = trained.scored;
      for (let i = 0; i < customers.length; i++)
        insert.run(
          modelId,
          inputs.customerIds[customers[i] as number],
          Math.round((values[i] as number) * 100) / 100,
        );
    })();
    stored = {
      ok: true,
      horizon_days: trained.horizonDays,
      training_cutoff: isoFromDayNumber(trained.trainingCutoff),
      evaluation_cutoff: isoFromDayNumber(trained.evaluationCutoff),
      scoring_cutoff: isoFromDayNumber(trained.scoringCutoff),
      training_customers: trained.trainingCustomers,
      evaluation_customers: trained.evaluationCustomers,
      scored_customers: trained.scored.customers.length,
      excluded_customers: inputs.excludedCustomers,
      trees: trained.trees,
      metrics: trained.metrics,
      used: trained.used,
      reason: trained.reason,
      lost_to: trained.lostTo,
      importance: trained.importance,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  }
  scope.update(
    valueModels,
    { status: "succeeded", result: stored as Record<string, unknown>, finishedAt: new Date() },
    eq(valueModels.id, modelId),
  );
  return stored;
}

export function failValueModel(scope: WorkspaceScope, modelId: number, message: string): void {
  scope.update(
    valueModels,
    { status: "failed", error: message, finishedAt: new Date() },
    eq(valueModels.id, modelId),
  );
}

/** The newest training of the workspace (any status), for the page. */
export function latestValueModel(scope: WorkspaceScope): ValueModelRow | undefined {
  return scope.db
    .select()
    .from(valueModels)
    .where(scope.where(valueModels))
    .orderBy(desc(valueModels.createdAt), desc(valueModels.id))
    .limit(1)
    .get();
}

/** The newest training that stored values: the one customer pages and segments show. */
export function latestValuedModel(scope: WorkspaceScope): ValueModelRow | undefined {
  const rows = scope.db
    .select()
    .from(valueModels)
    .where(scope.where(valueModels, eq(valueModels.status, "succeeded")))
    .orderBy(desc(valueModels.createdAt), desc(valueModels.id))
    .limit(5)
    .all();
  return rows.find((row) => (row.result as { ok?: boolean } | null)?.ok === true);
}
