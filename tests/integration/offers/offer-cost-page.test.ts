import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { englishMessage } from "~/i18n/english";
import { offerCostPanel } from "~/offers/offer-cost-page.server";
import { loadReportView, reportTables } from "~/reports/report-view.server";
import { createReport, findReport } from "~/reports/reports.server";
import { writeOfferHistory } from "../../helpers/offer-history";
import { setUpIngest } from "../ingest/support";

const { db, dir, scope, importOk } = setUpIngest("bank-page");
const files = writeOfferHistory(dir);
await importOk("customers", files.customers);
await importOk("transactions", files.transactions);

const panel = (query: string) => offerCostPanel(scope, new URLSearchParams(query));
const FORM = "offerProduct=Credit+Card&offerCost=15&offerMonths=1&offerUplift=20";

describe("Offer cost panel", () => {
  it("shows the form alone until it is sent", () => {
    const data = panel("channel=Search");
    expect(data).toMatchObject({ values: {}, errors: {}, result: null });
  });

  it("prices the offer from the form, the uplift in percent", () => {
    const data = panel(`${FORM}&offerNewPerMonth=100&offerFromDay=&offerToDay=`);
    expect(data.errors).toEqual({});
    // The same bank as the CLI test: F(30) = 0.49; +20 % of 49 clients = 9.8.
    expect(data.result?.inputs.uplift.value).toBeCloseTo(0.2, 12);
    expect(data.result?.figures.additional_activations.value).toBeCloseTo(9.8, 9);
    expect(data.result?.window).toMatchObject({ from_day: 0, to_day: 30 });
    expect(data.values).toMatchObject({ offerProduct: "Credit Card", offerUplift: "20" });
  });

  it.each([
    [
      "offerProduct=&offerCost=15&offerMonths=1&offerUplift=20",
      {
        offerProduct: "Name the product: its code, its name or a category",
      },
    ],
    [
      "offerProduct=Credit+Crad&offerCost=15&offerMonths=1&offerUplift=20",
      {
        offerProduct:
          'No product code, product name or category is "Credit Crad". Did you mean: Credit Card (category)?',
      },
    ],
    [
      "offerProduct=CARD-1&offerCost=-3&offerMonths=1&offerUplift=20",
      {
        offerCost: "The cost per client per month must be above 0",
      },
    ],
    [
      "offerProduct=CARD-1&offerCost=lots&offerMonths=0&offerUplift=20",
      {
        offerCost: "Enter the cost per client per month as a number",
        offerMonths: "The offer lasts 1 to 24 months",
      },
    ],
    [
      "offerProduct=CARD-1&offerCost=3&offerMonths=1.5&offerUplift=0",
      {
        offerMonths: "The offer lasts a whole number of months (1 to 24)",
        offerUplift: "The uplift must be above 0 %",
      },
    ],
    [
      "offerProduct=CARD-1&offerCost=3&offerMonths=2&offerUplift=1200",
      {
        offerUplift: "The uplift can be at most 1,000 %",
      },
    ],
    [
      "offerProduct=CARD-1&offerCost=3&offerMonths=2&offerUplift=20&offerFromDay=40&offerToDay=30",
      {
        offerToDay: "The window ends before it starts: its last day is before its first",
      },
    ],
    [
      "offerProduct=CARD-1&offerCost=3&offerMonths=2&offerUplift=20&offerFromDay=-1",
      {
        offerFromDay: "The window's first day is 0 or more (days since joining)",
      },
    ],
    [
      "offerProduct=CARD-1&offerCost=3&offerMonths=7&offerUplift=20",
      {
        offerToDay:
          "Too little history: new customers are followed for at most 180 days after joining (sales from 2025-01-01 to 2025-06-30), and the window needs 210 days. Shorten the window or upload a longer history.",
      },
    ],
    [
      "offerProduct=CARD-1&offerCost=3&offerMonths=1&offerUplift=200",
      {
        offerUplift:
          "An uplift of 200.0 % would make 147.0 % of new clients activate in the window, but only 100.0 % have not activated before it opens; the uplift can be at most 104.1 %.",
      },
    ],
  ])("explains a bad form %#", (query, errors) => {
    const data = panel(query);
    expect(data.result).toBeNull();
    expect(
      Object.fromEntries(Object.entries(data.errors).map(([k, v]) => [k, englishMessage(v)])),
    ).toMatchObject(errors);
  });
});

describe("offer cost report", () => {
  const user = db
    .insert(schema.users)
    .values({ email: "o@o.test", name: "O", passwordHash: "x" })
    .returning()
    .get();
  const params = Object.fromEntries(new URLSearchParams(`${FORM}&offerNewPerMonth=100&channel=x`));

  it("keeps the form's fields and exports the figures and the curve", () => {
    const report = createReport(scope, user.id, {
      kind: "offer-cost",
      title: "Card offer",
      mode: "snapshot",
      params,
    });
    expect(report.params).toEqual({
      offerProduct: "Credit Card",
      offerCost: "15",
      offerMonths: "1",
      offerUplift: "20",
      offerNewPerMonth: "100",
    });
    const view = loadReportView(scope, findReport(scope, report.id) as typeof report);
    const [figures, curve] = reportTables(view as NonNullable<typeof view>);
    expect(figures?.columns).toEqual(["figure", "value", "unit", "note"]);
    const row = (name: string) => figures?.rows.find((r) => r[0] === name);
    expect(row("additional_activations")?.[1]).toBeCloseTo(9.8, 9);
    expect(row("cost_per_additional_activation")?.slice(2)).toEqual([
      "TRY per additional activated client",
      null,
    ]);
    expect(curve?.name).toBe("activation-curve");
    expect(curve?.rows[20]).toEqual([20, expect.closeTo(0.49, 12), 10]);
  });

  it("refuses to save an offer that was not priced", () => {
    expect(() =>
      createReport(scope, user.id, {
        kind: "offer-cost",
        title: "Empty",
        mode: "live",
        params: { offerProduct: "Credit Card" },
      }),
    ).toThrow("Price an offer first");
  });
});
