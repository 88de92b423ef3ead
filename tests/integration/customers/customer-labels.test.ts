/**
 * Customers are named by their name and their own id from the file, never by the
 * database's internal id: the customers list, the audience preview and the PCA scatter's
 * points all carry the customer's lowest source id.
 */
import { describe, expect, it } from "vitest";
import { customerSources, segmentAssignments } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { customerLabel } from "~/components/customer-label";
import { listCustomers } from "~/customers/queries.server";
import { buildAudienceFromSegment } from "~/segments/audience.server";
import { scatterSample } from "~/segments/run-queries.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addRun, addWorkspace } from "../segments/fixtures";

const { db } = setUpTestDb();

describe("customer labels", () => {
  const ws = addWorkspace(db, "labels");
  const scope = scopeTo(db, ws);
  const consents = { consentDataProcessing: true, consentEmail: true, consentSms: true };
  const ayse = addCustomer(db, ws, {
    name: "Ayşe Yılmaz",
    email: "ayse@example.test",
    ...consents,
  });
  const nameless = addCustomer(db, ws, { email: "x@example.test", ...consents });
  // Two sources: the lowest of the ids is shown, whichever source came first.
  for (const [customerId, source, externalId] of [
    [ayse, "branch", "T-77"],
    [ayse, "online", "C-1042"],
    [nameless, "transactions", "C-2001"],
  ] as const)
    scope.insert(customerSources, {
      customerId,
      source,
      externalId,
      record: {},
      matchedBy: "new",
      rowHash: `${source}${externalId}`,
    });
  const runId = addRun(db, ws, "2025-03-01", { [ayse]: "S", [nameless]: "S" });
  scope.update(segmentAssignments, { x: 0.5, y: -1 });

  it("writes name · own id, or the own id alone, or nothing", () => {
    expect(customerLabel({ name: "Ayşe Yılmaz", externalId: "C-1042" })).toBe(
      "Ayşe Yılmaz · C-1042",
    );
    expect(customerLabel({ name: null, externalId: "C-2001" })).toBe("C-2001");
    expect(customerLabel({ name: null, externalId: null })).toBeNull();
  });

  it("the customers list carries each customer's own id", () => {
    const rows = listCustomers(scope, { limit: 10, offset: 0 });
    expect(rows.map((r) => customerLabel(r))).toEqual(["Ayşe Yılmaz · C-1042", "C-2001"]);
  });

  it("the audience preview and the scatter's points carry it too", () => {
    const audience = buildAudienceFromSegment(scopeTo(db, ws), {
      runId,
      segment: "S",
      channel: "email",
      record: false,
    });
    expect(audience.members.map((m) => [m.name, m.external_id])).toEqual([
      ["Ayşe Yılmaz", "C-1042"],
      [null, "C-2001"],
    ]);
    const points = scatterSample(scope, runId).points;
    expect(points.map((p) => customerLabel(p))).toEqual(["Ayşe Yılmaz · C-1042", "C-2001"]);
  });
});
