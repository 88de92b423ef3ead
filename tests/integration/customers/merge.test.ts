import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import { upsertCustomerBatch } from "~/customers/merge.server";
import { getCustomerProfile } from "~/customers/queries.server";
import { setUpTestDb } from "../../helpers/test-db";
import { createDataset, createWorkspace, customerRow } from "./support";

const { db } = setUpTestDb();

function sourcesOf(workspaceId: number) {
  return db
    .select()
    .from(schema.customerSources)
    .all()
    .filter((s) => s.workspaceId === workspaceId)
    .map((s) => ({ source: s.source, id: s.externalId, by: s.matchedBy, customer: s.customerId }));
}

const profilesIn = (workspaceId: number) =>
  db
    .select()
    .from(schema.customers)
    .all()
    .filter((c) => c.workspaceId === workspaceId);

describe("merging source records into one profile per person", () => {
  it("joins records whose e-mails differ only in case and spaces, and lists both sources", () => {
    const { workspaceId, scope } = createWorkspace(db, "by-email");
    const dataset = createDataset(db, workspaceId);
    const online = [
      customerRow({ external_id: "C1", email: " Ali.Yilmaz@Example.COM ", name: "Ali" }),
    ];
    const offline = [
      customerRow({ external_id: "7", email: "ali.yilmaz@example.com", city: "İzmir" }),
    ];
    expect(upsertCustomerBatch(scopeTo(db, workspaceId), dataset, online, "online")).toEqual({
      new: 1,
      updated: 0,
      unchanged: 0,
    });
    expect(upsertCustomerBatch(scopeTo(db, workspaceId), dataset, offline, "offline")).toEqual({
      new: 1,
      updated: 0,
      unchanged: 0,
    });

    const profiles = profilesIn(workspaceId);
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({
      name: "Ali",
      email: "ali.yilmaz@example.com",
      city: "İzmir",
    });
    const profile = getCustomerProfile(scope, profiles[0]?.id ?? 0);
    expect(profile?.sources.map((s) => [s.source, s.externalId, s.matchedBy])).toEqual([
      ["online", "C1", "new"],
      ["offline", "7", "email"],
    ]);
  });

  it("joins records whose phones are written differently but are the same number", () => {
    const { workspaceId } = createWorkspace(db, "by-phone");
    const dataset = createDataset(db, workspaceId);
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [customerRow({ external_id: "C1", phone: "+90 532 123 45 67" })],
      "online",
    );
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [customerRow({ external_id: "7", phone: "05321234567" })],
      "offline",
    );
    expect(profilesIn(workspaceId)).toHaveLength(1);
    expect(profilesIn(workspaceId)[0]?.phone).toBe("+905321234567");
    expect(sourcesOf(workspaceId).map((s) => s.by)).toEqual(["new", "phone"]);
  });

  it("counts a re-import of the same records as unchanged and an edited one as updated", () => {
    const { workspaceId } = createWorkspace(db, "reimport");
    const dataset = createDataset(db, workspaceId);
    const rows = [
      customerRow({ external_id: "C1", email: "a@example.test", city: "Ankara" }),
      customerRow({ external_id: "C2", email: "b@example.test" }),
    ];
    expect(upsertCustomerBatch(scopeTo(db, workspaceId), dataset, rows, "online")).toEqual({
      new: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(upsertCustomerBatch(scopeTo(db, workspaceId), dataset, rows, "online")).toEqual({
      new: 0,
      updated: 0,
      unchanged: 2,
    });
    const edited = [
      customerRow({ external_id: "C1", email: "a@example.test", city: "Bursa" }),
      rows[1] as (typeof rows)[0],
    ];
    expect(upsertCustomerBatch(scopeTo(db, workspaceId), dataset, edited, "online")).toEqual({
      new: 0,
      updated: 1,
      unchanged: 1,
    });
    const profiles = profilesIn(workspaceId);
    expect(profiles.map((p) => p.city)).toEqual(["Bursa", null]);
    // Matched by its own (source, id) again: the record keeps how it first joined.
    expect(sourcesOf(workspaceId).map((s) => s.by)).toEqual(["new", "new"]);
  });

  it("does not join the same id from two sources when nothing else matches", () => {
    const { workspaceId } = createWorkspace(db, "ids-per-source");
    const dataset = createDataset(db, workspaceId);
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [customerRow({ external_id: "100", email: "x@example.test" })],
      "online",
    );
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [customerRow({ external_id: "100", email: "y@example.test" })],
      "offline",
    );
    expect(profilesIn(workspaceId)).toHaveLength(2);
  });

  it("takes the row's own source column over the file's source", () => {
    const { workspaceId } = createWorkspace(db, "row-source");
    const dataset = createDataset(db, workspaceId);
    const rows = [customerRow({ external_id: "5", source: "Mağaza", email: "s@example.test" })];
    upsertCustomerBatch(scopeTo(db, workspaceId), dataset, rows, "upload");
    expect(sourcesOf(workspaceId).map((s) => s.source)).toEqual(["offline"]);
  });

  it("fills empty fields, lets the latest load win conflicts, and never blanks a value", () => {
    const { workspaceId } = createWorkspace(db, "fields");
    const dataset = createDataset(db, workspaceId);
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [
        customerRow({
          external_id: "1",
          email: "f@example.test",
          name: "Ayşe Kaya",
          city: "Ankara",
        }),
      ],
      "online",
    );
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [customerRow({ external_id: "A", email: "f@example.test", city: "İstanbul", gender: "K" })],
      "offline",
    );
    expect(profilesIn(workspaceId)[0]).toMatchObject({
      name: "Ayşe Kaya",
      city: "İstanbul",
      gender: "female",
    });
  });

  it("prefers the e-mail match over the phone match, and joins repeats within one batch", () => {
    const { workspaceId } = createWorkspace(db, "order");
    const dataset = createDataset(db, workspaceId);
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [
        customerRow({ external_id: "A", email: "a@example.test" }),
        customerRow({ external_id: "B", phone: "05321111111" }),
        customerRow({ external_id: "C", email: "a@example.test", phone: "05321111111" }),
        customerRow({ external_id: "D", phone: "+90 532 111 11 11" }),
      ],
      "online",
    );
    const [a, b] = profilesIn(workspaceId);
    expect(sourcesOf(workspaceId).map((s) => [s.id, s.by, s.customer])).toEqual([
      ["A", "new", a?.id],
      ["B", "new", b?.id],
      ["C", "email", a?.id],
      ["D", "phone", b?.id],
    ]);
  });

  it("merges attributes with their types and records each attribute's type", () => {
    const { workspaceId } = createWorkspace(db, "attributes");
    const dataset = createDataset(db, workspaceId);
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [
        customerRow({ external_id: "1", email: "t@example.test" }, { score: "712", tier: "gold" }, [
          "score",
        ]),
      ],
      "online",
    );
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [customerRow({ external_id: "9", email: "t@example.test" }, { score: "698" }, ["score"])],
      "offline",
    );
    expect(profilesIn(workspaceId)[0]?.attributes).toEqual({ score: 698, tier: "gold" });
    const definitions = db
      .select()
      .from(schema.attributeDefinitions)
      .all()
      .filter((d) => d.workspaceId === workspaceId);
    expect(definitions.map((d) => [d.name, d.type]).sort()).toEqual([
      ["score", "number"],
      ["tier", "category"],
    ]);
  });

  // Speed belongs to `npm run bench:ingest`; this checks the merge at volume stays exact.
  it("merges 20,000 customers in batches of 1,000 into the right number of people", () => {
    const { workspaceId } = createWorkspace(db, "volume");
    const dataset = createDataset(db, workspaceId);
    // Validation is the loader's cost, measured elsewhere: one validated row, copied.
    const template = customerRow({ external_id: "x", email: "x@example.test", name: "x" });
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      ...template,
      external_id: `C${i}`,
      email: `p${i % 15_000}@example.test`,
      name: `Person ${i}`,
    }));
    const totals = { new: 0, updated: 0, unchanged: 0 };
    for (let start = 0; start < rows.length; start += 1000) {
      const counts = db.$client.transaction(() =>
        upsertCustomerBatch(
          scopeTo(db, workspaceId),
          dataset,
          rows.slice(start, start + 1000),
          "online",
        ),
      )();
      totals.new += counts.new;
    }
    expect(totals.new).toBe(20_000);
    // 5,000 records share an e-mail with an earlier one, so 15,000 people.
    expect(profilesIn(workspaceId)).toHaveLength(15_000);
  });
});
