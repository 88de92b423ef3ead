// The next-best-offers table names each customer by name and their own id from the file
// ("Ayşe Yılmaz · K-7"), never by the database's internal id ("#23219").
import { createElement } from "react";
import { afterAll, describe, expect, it } from "vitest";
import { type OfferRow, OffersTable } from "~/components/notifications/OffersTable";
import { renderInLocale, resetFormatLocale } from "../../helpers/render-in-locale";

afterAll(resetFormatLocale);

const row = (customerId: number, customer: string | null, name: string | null): OfferRow => ({
  customerId,
  customer,
  name,
  segment: "Loyal",
  rank: 1,
  category: "Shampoo",
  propensity: 0.5,
  value: 50,
  expectedValue: 25,
  reason: { kind: "segment", share: 0.4 },
  asOf: "2026-03-02",
});

describe("OffersTable", () => {
  it("names customers by name and own id, never by internal id", async () => {
    const html = await renderInLocale(
      "en",
      createElement(OffersTable, {
        offers: [row(23219, "K-7", "Ayşe Yılmaz"), row(23220, null, null)],
        shownCustomers: 2,
        horizonDays: 30,
        currency: "TRY",
        csvHref: "/x.csv",
        customersPath: "/w/shop/customers",
      }),
    );
    expect(html).toContain('<a href="/w/shop/customers/23219">Ayşe Yılmaz · K-7</a>');
    expect(html).toContain('<a href="/w/shop/customers/23220">Unnamed customer</a>');
    expect(html).not.toContain("#23219");
    expect(html).not.toContain("#23220");
  });
});
