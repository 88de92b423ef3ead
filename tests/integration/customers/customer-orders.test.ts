/**
 * The customer page's order figures, worked by hand. Ayşe's sales:
 *   order S1 (2025-01-05): 10 + 20 + 30          order S2 (2025-02-07): 5 + 15 + 25
 *   a line without an order id (2025-02-10): 40  a return in order S3 (2025-02-12): −20
 *   a line of order S2 filed under her shop id, not yet linked to her profile: 5
 * → 9 sale lines (S2 has 4), orders S1, S2 and the loose line = 3 (S3 holds only a
 * return, so it is no order), net revenue 130, average order value 130 / 3.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import * as customerPage from "~/routes/w.$workspace.customers.$customer";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";

const { db } = setUpTestDb();
const params = { workspace: "order-page" };
let cookie = "";
let ayse = 0;

beforeAll(async () => {
  const owner = await createUser({
    email: "o@orders.test",
    name: "O",
    password: "long password 1",
  });
  const workspace = createWorkspace({ slug: params.workspace, name: "Orders" }, owner);
  const scope = scopeTo(db, workspace.id);
  ayse = scope.insert(schema.customers, { name: "Ayşe", consentDataProcessing: true }).id;
  scope.insert(schema.customerSources, {
    customerId: ayse,
    source: "shop",
    externalId: "C-7",
    matchedBy: "external_id",
    record: {},
    rowHash: "h",
  });
  let key = 0;
  const line = (
    day: string,
    amount: number,
    orderId: string | null,
    linked = true,
    productCode = "P",
  ) =>
    scope.insert(schema.transactions, {
      transactionKey: `k${++key}`,
      customerId: linked ? ayse : null,
      customerExternalId: "C-7",
      occurredAt: new Date(`${day}T10:00:00Z`),
      orderId,
      productCode,
      quantity: 1,
      amount,
      isReturn: amount < 0,
    });
  line("2025-01-05", 10, "S1");
  line("2025-01-05", 20, "S1");
  line("2025-01-05", 30, "S1");
  line("2025-02-07", 5, "S2", true, "A");
  line("2025-02-07", 15, "S2", true, "B");
  line("2025-02-07", 25, "S2", true, "C");
  line("2025-02-10", 40, null);
  line("2025-02-12", -20, "S3");
  line("2025-02-07", 5, "S2", false, "D");
  cookie = await cookieFor(owner.id);
  // An order id of another customer in the same workspace is not hers.
  const other = scope.insert(schema.customers, { name: "Other", consentDataProcessing: true }).id;
  scope.insert(schema.transactions, {
    transactionKey: "other",
    customerId: other,
    occurredAt: new Date("2025-02-07T10:00:00Z"),
    orderId: "S9",
    amount: 1000,
  });
});

async function profilePage() {
  const request = requestAs(cookie, `/w/${params.workspace}/customers/${ayse}`);
  const { status, body } = await settle(() =>
    customerPage.loader({
      request,
      params: { ...params, customer: String(ayse) },
      context: { clientAddress: "127.0.0.1" },
    }),
  );
  expect(status).toBe(200);
  return body as Awaited<ReturnType<typeof customerPage.loader>>;
}

describe("customer page with orders", () => {
  it("counts orders, sale lines and the average order value", async () => {
    const { profile } = await profilePage();
    expect(profile.purchases).toMatchObject({ count: 9, orders: 3, revenue: 130 });
    expect(profile.purchases.averageOrderValue).toBe(130 / 3);
  });

  it("lists the sale lines newest first, an order's lines together with its id", async () => {
    const { sales } = await profilePage();
    expect(sales.map((s) => [s.occurredAt.slice(0, 10), s.orderId, s.amount])).toEqual([
      ["2025-02-12", "S3", -20],
      ["2025-02-10", null, 40],
      ["2025-02-07", "S2", 5],
      ["2025-02-07", "S2", 15],
      ["2025-02-07", "S2", 25],
      ["2025-02-07", "S2", 5],
      ["2025-01-05", "S1", 10],
      ["2025-01-05", "S1", 20],
      ["2025-01-05", "S1", 30],
    ]);
    expect(sales.filter((s) => s.orderId === "S2").map((s) => s.productCode)).toEqual([
      "A",
      "B",
      "C",
      "D",
    ]);
    expect(sales[0]?.isReturn).toBe(true);
  });
});
