/** What the Value page shows: the newest training, its result, and whether one is under way. */
import type { WorkspaceScope } from "#db/scoped";
import { reportingCurrency } from "./reporting-currency.server";
import {
  DEFAULT_VALUE_HORIZON,
  latestValueModel,
  type StoredValueResult,
} from "./value-models.server";

export function valuePage(scope: WorkspaceScope) {
  const latest = latestValueModel(scope);
  return {
    status: latest?.status ?? null,
    error: latest?.status === "failed" ? latest.error : null,
    horizonDays: latest?.horizonDays ?? DEFAULT_VALUE_HORIZON,
    result: (latest?.status === "succeeded" ? latest.result : null) as StoredValueResult | null,
    money: reportingCurrency(scope),
  };
}
