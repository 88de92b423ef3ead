import { describe, expect, it } from "vitest";
import { naturalKeyOf, type RowSettings } from "~/ingest/schemas";
import { english } from "../../helpers/english";
import { type Cells, errorsOf, typedRow } from "./rows";

describe("transactions", () => {
  const settings: RowSettings = { decimalMark: ",", dateFormats: { Tarih: "dd.mm.yyyy" } };
  const base: Cells = [["Tarih", "occurred_at", "05.03.2024 14:30"]];

  it("derives the amount from quantity × unit price", () => {
    const value = typedRow(
      "transactions",
      [...base, ["Adet", "quantity", "3"], ["Fiyat", "unit_price", "19,99"]],
      settings,
    );
    expect(english(value)).toMatchObject({
      occurred_at: "2024-03-05T14:30:00.000Z",
      amount: 59.97,
      is_return: false,
      customer_external_id: null,
    });
  });

  it("keeps returns, marked, with negative amount and quantity", () => {
    const byQuantity = typedRow(
      "transactions",
      [...base, ["Adet", "quantity", "-1"], ["Tutar", "amount", "350,00"]],
      settings,
    );
    expect(english(byQuantity)).toMatchObject({ quantity: -1, amount: -350, is_return: true });
    const byAmount = typedRow("transactions", [...base, ["Tutar", "amount", "(49,90)"]], settings);
    expect(english(byAmount)).toMatchObject({ quantity: null, amount: -49.9, is_return: true });
  });

  it("takes the currency from a currency column, else from a symbol", () => {
    expect(
      english(typedRow("transactions", [...base, ["Tutar", "amount", "₺1.249,00"]], settings)),
    ).toMatchObject({ amount: 1249, currency: "TRY" });
    expect(
      english(
        typedRow(
          "transactions",
          [...base, ["Tutar", "amount", "10"], ["PB", "currency", "tl"]],
          settings,
        ).currency,
      ),
    ).toBe("TRY");
    expect(
      english(
        typedRow(
          "transactions",
          [...base, ["Tutar", "amount", "10"], ["PB", "currency", "eur"]],
          settings,
        ).currency,
      ),
    ).toBe("EUR");
    expect(
      english(
        errorsOf(
          "transactions",
          [...base, ["Tutar", "amount", "10"], ["PB", "currency", "lira"]],
          settings,
        ),
      ),
    ).toEqual([
      { column: "PB", field: "currency", reason: '"lira" is not a currency code (e.g. TRY)' },
    ]);
  });

  it("refuses rows without a date or without any amount", () => {
    expect(
      english(
        errorsOf(
          "transactions",
          [
            ["Tarih", "occurred_at", ""],
            ["Tutar", "amount", "5"],
          ],
          settings,
        ),
      ),
    ).toEqual([{ column: "Tarih", field: "occurred_at", reason: "the date of the sale is empty" }]);
    expect(
      english(errorsOf("transactions", [...base, ["Adet", "quantity", "2"]], settings)),
    ).toEqual([
      {
        column: "amount",
        field: "amount",
        reason: "the amount is empty: give an amount, or a quantity and a unit price",
      },
    ]);
    expect(
      english(
        errorsOf(
          "transactions",
          [
            ["Tarih", "occurred_at", "31.02.2024"],
            ["Tutar", "amount", "x"],
          ],
          settings,
        ),
      ),
    ).toEqual([
      {
        column: "Tarih",
        field: "occurred_at",
        reason: '"31.02.2024" is not a valid date (dd.mm.yyyy)',
      },
      { column: "Tutar", field: "amount", reason: '"x" is not a number' },
    ]);
  });

  it("keys by transaction id, or by a hash of the whole row", () => {
    const withId = typedRow(
      "transactions",
      [...base, ["No", "transaction_id", "S-1"], ["Tutar", "amount", "5"]],
      settings,
    );
    expect(english(naturalKeyOf("transactions", withId))).toBe('["S-1"]');
    const anonymous = typedRow("transactions", [...base, ["Tutar", "amount", "5"]], settings);
    const same = typedRow("transactions", [...base, ["Tutar", "amount", "5,00"]], settings);
    const other = typedRow("transactions", [...base, ["Tutar", "amount", "6"]], settings);
    expect(english(naturalKeyOf("transactions", anonymous))).toMatch(/^row:[0-9a-f]{32}$/);
    expect(english(naturalKeyOf("transactions", same))).toBe(
      naturalKeyOf("transactions", anonymous),
    );
    expect(english(naturalKeyOf("transactions", other))).not.toBe(
      naturalKeyOf("transactions", anonymous),
    );
  });
});
