/**
 * A report's data as a share link may send it: the same data without the internal ids some
 * pages carry for their links (a run's id, a dataset's, a customer's). The public page shows
 * aggregates and links nowhere, so nothing it renders needs them.
 */
const INTERNAL_IDS = new Set([
  "workspaceId",
  "reportId",
  "datasetId",
  "runId",
  "customerId",
  "customer_id",
]);

export function withoutInternalIds(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(withoutInternalIds);
  if (data === null || typeof data !== "object") return data;
  return Object.fromEntries(
    Object.entries(data)
      .filter(([key]) => !INTERNAL_IDS.has(key))
      .map(([key, value]) => [key, withoutInternalIds(value)]),
  );
}
