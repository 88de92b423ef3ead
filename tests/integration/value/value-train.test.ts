/**
 * Training on a fixture workspace: the model beats the last-period baseline where the
 * signal is there, every analysed customer with history gets a stored value, customers the
 * legal basis leaves out get none, the job handler and the CLI do the same work.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers } from "#db/schema";
import { scopeTo } from "#db/scoped";
import {
  enqueueValueTraining,
  latestValueModel,
  trainAndStoreValues,
} from "~/customers/value-models.server";
import {
  predictedValueOf,
  predictedValuesOf,
  segmentsByPredictedValue,
} from "~/customers/value-of-customers.server";
import { listAvailableFeatures } from "~/segments/feature-list.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addRun } from "../segments/fixtures";
import { addValueWorkspace } from "./support";

const { db, file, dir } = setUpTestDb();
const { workspaceId, customerIds } = addValueWorkspace(db, "shop");
const scope = scopeTo(db, workspaceId);

describe("value train", () => {
  it("beats last period's revenue, stores values and explains which method is used", () => {
    const { modelId } = enqueueValueTraining(scopeTo(db, workspaceId), 90, null);
    const result = trainAndStoreValues(scope, modelId);
    if (!result.ok) throw new Error(result.reason);
    expect(result.metrics.model.rmse).toBeLessThan(result.metrics.last_period.rmse);
    expect(result.metrics.model.r2 ?? 0).toBeGreaterThan(result.metrics.last_period.r2 ?? 0);
    expect(["model", "bg_nbd", "last_period"]).toContain(result.used);
    expect(result.used === "model").toBe(result.lost_to.length === 0);
    expect(result.excluded_customers).toBe(customerIds.filter((_, c) => c % 7 === 6).length);
    expect(result.importance.length).toBeGreaterThan(10);
    expect(result.evaluation_cutoff > result.training_cutoff).toBe(true);

    const stored = db.$client
      .prepare("SELECT count(*) FROM customer_values WHERE model_id = ?")
      .pluck()
      .get(modelId) as number;
    expect(stored).toBe(result.scored_customers);
    expect(stored).toBeGreaterThan(200);
    const model = latestValueModel(scope);
    expect(model?.status).toBe("succeeded");

    // Nobody without consent has a value; an analysed customer with sales does.
    const excludedId = customerIds[6] as number;
    expect(predictedValueOf(scope, excludedId)).toBeNull();
    const some = db.$client
      .prepare(
        "SELECT customer_id, predicted_value FROM customer_values WHERE model_id = ? LIMIT 1",
      )
      .get(modelId) as { customer_id: number; predicted_value: number };
    expect(predictedValueOf(scope, some.customer_id)).toMatchObject({
      value: some.predicted_value,
      horizonDays: 90,
    });
    expect(predictedValuesOf(scope, [some.customer_id, excludedId])?.values).toEqual({
      [some.customer_id]: some.predicted_value,
    });
  });

  it("ranks a run's segments by mean predicted value", () => {
    const members: Record<number, string> = {};
    customerIds.forEach((id, c) => {
      members[id] = c % 2 === 0 ? "Even" : "Odd";
    });
    const runId = addRun(db, workspaceId, "2026-01-01", members);
    const ranking = segmentsByPredictedValue(scope, runId);
    expect(ranking?.segments.map((s) => s.segment).sort()).toEqual(["Even", "Odd"]);
    const [first, second] = ranking?.segments ?? [];
    expect((first?.meanValue ?? 0) >= (second?.meanValue ?? 0)).toBe(true);
    expect(first?.customers).toBe(customerIds.length / 2);
  });

  it("offers the predicted value as a clustering feature", () => {
    const feature = listAvailableFeatures(scopeTo(db, workspaceId)).features.find(
      (f) => f.name === "predicted_value",
    );
    const stored = db.$client
      .prepare(
        "SELECT count(*) FROM customer_values WHERE model_id = (SELECT max(id) FROM value_models)",
      )
      .pluck()
      .get() as number;
    expect(feature).toMatchObject({ source: "value", present: stored });
  });

  it("an erased customer's value goes with them", () => {
    const some = db.$client
      .prepare("SELECT customer_id FROM customer_values LIMIT 1")
      .pluck()
      .get() as number;
    scope.delete(customers, eq(customers.id, some));
    expect(
      db.$client
        .prepare("SELECT count(*) FROM customer_values WHERE customer_id = ?")
        .pluck()
        .get(some),
    ).toBe(0);
  });

  it("says why when the history is too short", () => {
    const other = addValueWorkspace(db, "short", 0);
    const otherScope = scopeTo(db, other.workspaceId);
    const { modelId } = enqueueValueTraining(scopeTo(db, other.workspaceId), 90, null);
    expect(trainAndStoreValues(otherScope, modelId)).toMatchObject({
      ok: false,
      reason: "no_sales",
    });
  });

  it("the CLI prints the metrics of the model and both baselines", async () => {
    const { stdout } = await promisify(execFile)(
      "npx",
      ["tsx", "cli/index.ts", "value", "train", "--workspace", "shop", "--horizon", "60"],
      { env: { ...process.env, DATABASE_URL: file, DATA_DIR: dir } },
    );
    const printed = JSON.parse(stdout);
    expect(printed.ok).toBe(true);
    expect(printed.horizon_days).toBe(60);
    for (const method of ["model", "last_period", "bg_nbd"])
      expect(Object.keys(printed.metrics[method]).sort()).toEqual(["mae", "r2", "rmse"]);
    expect(["model_beats_both", "model_loses"]).toContain(printed.reason);
  }, 60_000);

  it("the CLI refuses a horizon out of range with a clear message", async () => {
    const failed = await promisify(execFile)(
      "npx",
      ["tsx", "cli/index.ts", "value", "train", "--workspace", "shop", "--horizon", "2"],
      { env: { ...process.env, DATABASE_URL: file, DATA_DIR: dir } },
    ).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).not.toBe(0);
    expect((failed as { stderr: string }).stderr).toMatch(/horizon/);
  }, 60_000);
});
