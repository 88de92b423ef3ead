/**
 * "Active segments": the latest finished run of each kind, its segments with members, its
 * customers and largest segment, and a newer run that has not finished.
 */
import { describe, expect, it } from "vitest";
import { analysisRuns } from "#db/schema";
import { activeSegments } from "~/dashboard/active-segments.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addWorkspace } from "./support";

const { db } = setUpTestDb();

const rfmResult = (segments: { segment: string; customers: number; share: number }[]) => ({
  reference_date: "2026-03-01",
  customers_scored: segments.reduce((sum, s) => sum + s.customers, 0),
  segments,
});

describe("activeSegments", () => {
  it("shows the latest finished RFM and clustering runs, and a newer one still queued", () => {
    const { scope } = addWorkspace(db, "seg-shop");
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute));
    scope.insert(analysisRuns, {
      kind: "rfm",
      status: "succeeded",
      params: {},
      result: rfmResult([{ segment: "Lost", customers: 10, share: 1 }]),
      createdAt: at(0),
    });
    const latestRfm = scope.insert(analysisRuns, {
      kind: "rfm",
      status: "succeeded",
      params: {},
      // Champions 3 + Loyal 7 = 10 customers in two segments; Lost is empty.
      result: rfmResult([
        { segment: "Champions", customers: 3, share: 0.3 },
        { segment: "Lost", customers: 0, share: 0 },
        { segment: "Loyal", customers: 7, share: 0.7 },
      ]),
      createdAt: at(1),
      finishedAt: at(2),
    });
    const queued = scope.insert(analysisRuns, {
      kind: "rfm",
      status: "queued",
      params: {},
      createdAt: at(3),
    });
    const cluster = scope.insert(analysisRuns, {
      kind: "cluster",
      status: "succeeded",
      params: {},
      result: {
        reference_date: "2026-03-01",
        k: 3,
        customers_used: 12,
        sizes: [
          { cluster: 0, name: "Big spenders", customers: 2, share: 2 / 12 },
          { cluster: 1, name: "Young savers", customers: 6, share: 0.5 },
          { cluster: 2, name: "Occasional", customers: 4, share: 4 / 12 },
        ],
        names: { "1": "Students" },
      },
      createdAt: at(4),
    });
    // A failed clustering run older than the finished one is not "newer".
    scope.insert(analysisRuns, { kind: "cluster", status: "failed", params: {}, createdAt: at(0) });
    // Response-curve fits share the table and are no segments.
    scope.insert(analysisRuns, { kind: "response-curves", status: "succeeded", params: {} });

    expect(activeSegments(scope)).toEqual([
      {
        kind: "rfm",
        latest: {
          runId: latestRfm.id,
          finishedAt: at(2).toISOString(),
          referenceDate: "2026-03-01",
          segments: 2,
          customers: 10,
          largest: { name: "Loyal", customers: 7, share: 0.7 },
        },
        newer: { runId: queued.id, status: "queued" },
      },
      {
        kind: "cluster",
        latest: {
          runId: cluster.id,
          finishedAt: null,
          referenceDate: "2026-03-01",
          segments: 3,
          customers: 12,
          // The name a marketer gave cluster 1.
          largest: { name: "Students", customers: 6, share: 0.5 },
        },
        newer: null,
      },
    ]);
  });

  it("has nothing without runs, and only its own workspace's", () => {
    const { scope } = addWorkspace(db, "seg-empty");
    expect(activeSegments(scope)).toEqual([
      { kind: "rfm", latest: null, newer: null },
      { kind: "cluster", latest: null, newer: null },
    ]);
  });
});
