import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import { countExcludedFromAnalysis } from "~/customers/analysable.server";
import { upsertCustomerBatch } from "~/customers/merge.server";
import { customerCounts, getCustomerProfile, listCustomers } from "~/customers/queries.server";
import { setUpTestDb } from "../../helpers/test-db";
import { createDataset, createWorkspace, customerRow } from "./support";

const { db } = setUpTestDb();

describe("consent keeps its latest value by date, with the source it came from", () => {
  it("ignores an older consent loaded later, and takes a newer one", () => {
    const { workspaceId, scope } = createWorkspace(db, "latest");
    const dataset = createDataset(db, workspaceId);
    const load = (id: string, source: string, given: string, at: string) =>
      upsertCustomerBatch(
        scopeTo(db, workspaceId),
        dataset,
        [
          customerRow({
            external_id: id,
            email: "k@example.test",
            consent_data_processing: given,
            consent_data_processing_at: at,
          }),
        ],
        source,
      );

    load("C1", "online", "yes", "2024-05-01 09:00");
    load("7", "offline", "no", "2024-03-01 09:00"); // older: loses though loaded later
    const id =
      db
        .select()
        .from(schema.customers)
        .all()
        .find((c) => c.workspaceId === workspaceId)?.id ?? 0;
    expect(getCustomerProfile(scope, id)?.consent.dataProcessing).toEqual({
      value: true,
      at: "2024-05-01T09:00:00.000Z",
      source: "online",
    });

    load("7", "offline", "no", "2024-06-01 09:00"); // newer withdrawal wins
    expect(getCustomerProfile(scope, id)?.consent.dataProcessing).toEqual({
      value: false,
      at: "2024-06-01T09:00:00.000Z",
      source: "offline",
    });
  });

  it("dates a consent without a date at its load time, and leaves unknown consents unknown", () => {
    const { workspaceId, scope } = createWorkspace(db, "no-date");
    const dataset = createDataset(db, workspaceId);
    const now = new Date("2025-01-15T12:00:00.000Z");
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [customerRow({ external_id: "C1", consent_sms: "evet", consent_email: "hayır" })],
      "online",
      { now },
    );
    const id =
      db
        .select()
        .from(schema.customers)
        .all()
        .find((c) => c.workspaceId === workspaceId)?.id ?? 0;
    const consent = getCustomerProfile(scope, id)?.consent;
    expect(consent?.sms).toEqual({ value: true, at: "2025-01-15T12:00:00.000Z", source: "online" });
    expect(consent?.email).toEqual({
      value: false,
      at: "2025-01-15T12:00:00.000Z",
      source: "online",
    });
    expect(consent?.dataProcessing).toEqual({ value: null, at: null, source: null });

    // A dated consent from before that load time does not override it.
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [customerRow({ external_id: "C1", consent_sms: "no", consent_sms_at: "2024-12-01 00:00" })],
      "online",
      { now: new Date("2025-02-01T00:00:00.000Z") },
    );
    expect(getCustomerProfile(scope, id)?.consent.sms.value).toBe(true);
  });
});

describe("customers without data-processing consent are left out and counted", () => {
  it("counts yes, no and unknown, and hides all but yes from the list unless asked", () => {
    const { workspaceId, scope } = createWorkspace(db, "exclusion");
    const dataset = createDataset(db, workspaceId);
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [
        customerRow({ external_id: "1", name: "Yes One", consent_data_processing: "yes" }),
        customerRow({ external_id: "2", name: "Yes Two", consent_data_processing: "1" }),
        customerRow({ external_id: "3", name: "No", consent_data_processing: "no" }),
        customerRow({ external_id: "4", name: "Unknown" }),
      ],
      "online",
    );
    expect(customerCounts(scope)).toEqual({
      total: 4,
      withDataProcessingConsent: 2,
      excluded: 2,
      basis: "consent",
      excludedAs: "without data-processing consent",
    });
    expect(countExcludedFromAnalysis(scope)).toBe(2);
    const page = { limit: 10, offset: 0 };
    expect(listCustomers(scope, page).map((c) => c.name)).toEqual(["Yes One", "Yes Two"]);
    expect(listCustomers(scope, { ...page, includeUnconsented: true }).map((c) => c.name)).toEqual([
      "Yes One",
      "Yes Two",
      "No",
      "Unknown",
    ]);
    // Another workspace's customers are not counted here.
    const other = createWorkspace(db, "exclusion-other");
    expect(customerCounts(other.scope)).toMatchObject({
      total: 0,
      withDataProcessingConsent: 0,
      excluded: 0,
    });
  });

  it("finds customers by name, e-mail, phone digits or a source id, with their sources", () => {
    const { workspaceId, scope } = createWorkspace(db, "search");
    const dataset = createDataset(db, workspaceId);
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [
        customerRow({
          external_id: "C-9",
          name: "Zeynep 50%",
          email: "zeynep@example.test",
          phone: "0532 765 43 21",
          consent_data_processing: "yes",
        }),
        customerRow({ external_id: "C-10", name: "Mehmet", consent_data_processing: "yes" }),
      ],
      "online",
    );
    const find = (search: string) =>
      listCustomers(scope, { search, limit: 10, offset: 0 }).map((c) => c.name);
    expect(find("zeyn")).toEqual(["Zeynep 50%"]);
    expect(find("ZEYNEP@EXAMPLE")).toEqual(["Zeynep 50%"]);
    expect(find("0532 765 4321")).toEqual(["Zeynep 50%"]);
    expect(find("C-10")).toEqual(["Mehmet"]);
    expect(find("5%")).toEqual([]); // % is a letter here, not a wildcard
    expect(find("50%")).toEqual(["Zeynep 50%"]);
    expect(listCustomers(scope, { search: "C-9", limit: 10, offset: 0 })[0]?.sources).toBe(
      "online:C-9",
    );
  });
});
