/**
 * Product labels: the catalogue's name, else the name the transactions carry most often,
 * else the code; and the product × channel report on a real temp database.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { channelAudiences, customerSources, products } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { matchProductChannels } from "~/segments/match-product-channels.server";
import { matchProducts } from "~/segments/match-products.server";
import { loadProductNames } from "~/segments/product-labels.server";
import { segmentMemberRows } from "~/segments/run-queries.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addRun, addTransaction, addWorkspace } from "./fixtures";

const { db } = setUpTestDb();
let ws = 0;
let runId = 0;

beforeAll(() => {
  ws = addWorkspace(db, "product-names");
  const p = addCustomer(db, ws, { consentDataProcessing: true });
  const q = addCustomer(db, ws, { consentDataProcessing: true });
  for (const [customerId, code] of [
    [p, "K1"],
    [q, "K1"],
    [q, "K2"],
    [p, "K3"],
  ] as const)
    addTransaction(db, ws, { customerId, date: "2025-01-10", amount: 10, productCode: code });
  // K1 is called "Kredi Kartı" on two lines and "Kart" on one: the most frequent name wins.
  db.$client
    .prepare("UPDATE transactions SET product_name = 'Kredi Kartı' WHERE product_code = 'K1'")
    .run();
  addTransaction(db, ws, { customerId: p, date: "2025-01-11", amount: 5, productCode: "K1" });
  db.$client
    .prepare(
      "UPDATE transactions SET product_name = 'Kart' WHERE product_code = 'K1' AND amount = 5",
    )
    .run();
  db.$client
    .prepare("UPDATE transactions SET product_name = 'Mevduat' WHERE product_code = 'K2'")
    .run();
  // The catalogue names K2 differently: the catalogue wins.
  db.insert(products)
    .values({ workspaceId: ws, code: "K2", name: "Vadeli Mevduat", rowHash: "h" })
    .run();
  db.insert(channelAudiences)
    .values({
      workspaceId: ws,
      channelName: "Instagram",
      shares: { gender: { female: 1 } },
      monthlyVisits: 1000,
      rowHash: "c",
    })
    .run();
  runId = addRun(db, ws, "2025-02-01", { [p]: "S", [q]: "S" });
});

describe("product names", () => {
  it("uses the catalogue, else the transactions' most frequent name, else the code", () => {
    const names = loadProductNames(scopeTo(db, ws));
    expect(names.get("K1")).toBe("Kredi Kartı");
    expect(names.get("K2")).toBe("Vadeli Mevduat");
    expect(names.has("K3")).toBe(false);
  });

  it("labels the product match and the product × channel view by name", () => {
    const report = matchProducts(scopeTo(db, ws), runId);
    const named = Object.fromEntries(
      (report.segments[0]?.products ?? []).map((row) => [row.item, row.name]),
    );
    expect(named).toEqual({ K1: "Kredi Kartı", K2: "Vadeli Mevduat", K3: null });
    const channels = matchProductChannels(scopeTo(db, ws), runId, { target: "product" });
    expect(channels.items.map((i) => i.label)).toEqual([
      "Kredi Kartı (K1)",
      "Vadeli Mevduat (K2)", // one buyer each: ties by code
      "K3",
    ]);
    // No customer has a gender: the audience's only dimension is not compared, p = base = 1.
    expect(channels.items[0]?.channels[0]).toMatchObject({
      name: "Instagram",
      propensity: 1,
      notCompared: ["gender"],
    });
  });
});

describe("member labels", () => {
  it("carry the customer's own id from their source, not only the internal id", () => {
    const [first] = segmentMemberRows(scopeTo(db, ws), runId, undefined);
    db.insert(customerSources)
      .values({
        workspaceId: ws,
        customerId: first?.customerId as number,
        source: "crm",
        externalId: "C-0042",
        record: {},
        matchedBy: "new",
        rowHash: "s",
      })
      .run();
    const rows = segmentMemberRows(scopeTo(db, ws), runId, undefined);
    expect(rows.map((r) => r.externalId)).toEqual(["C-0042", null]);
  });
});
