import { describe, expect, it } from "vitest";
import { zipRecord } from "~/ingest/csv-options";
import { datasetSettingsOf, importOptionsOfDataset } from "~/ingest/import-options";
import { mapRecord } from "~/ingest/mapping";
import { createRowMapper } from "~/ingest/row-mapper";
import { english } from "../../helpers/english";

const headers = ["Müşteri No", "E-posta", "Kredi Notu", "Not"];
const mapping = { "Müşteri No": "external_id", "E-posta": "email", "Kredi Notu": null };

describe("createRowMapper", () => {
  it("maps a full row exactly as mapRecord(zipRecord(...)) does", () => {
    const fields = ["1001", "a@b.co", "712", "VIP"];
    const mapped = createRowMapper("customers", headers, mapping)(fields);
    expect(english(mapped)).toEqual({
      ok: true,
      mapped: mapRecord(zipRecord(headers, fields).values, mapping),
    });
    expect(english(mapped)).toEqual({
      ok: true,
      mapped: {
        fields: {
          external_id: { column: "Müşteri No", raw: "1001" },
          email: { column: "E-posta", raw: "a@b.co" },
        },
        attributes: { "Kredi Notu": "712", Not: "VIP" },
      },
    });
  });

  it("drops unmapped columns for kinds without attributes", () => {
    const mapper = createRowMapper("products", ["code", "note"], { code: "code", note: null });
    expect(english(mapper(["P1", "fragile"]))).toEqual({
      ok: true,
      mapped: { fields: { code: { column: "code", raw: "P1" } }, attributes: {} },
    });
  });

  it("refuses short rows and rows with data beyond the header, not empty trailing fields", () => {
    const mapper = createRowMapper("customers", headers, mapping);
    expect(english(mapper(["1001", "a@b.co", "712"]))).toEqual({
      ok: false,
      reason: "row has 3 fields, the header has 4",
    });
    expect(english(mapper(["1001", "a@b.co", "712", "VIP", "", "x", " "]))).toEqual({
      ok: false,
      reason: "row has 6 fields, the header has 4",
    });
    expect(english(mapper(["1001", "a@b.co", "712", "VIP", "", " "]))).toMatchObject({ ok: true });
  });
});

describe("dataset settings", () => {
  it("round-trip through the flat record kept on the dataset", () => {
    const options = {
      settings: {
        encoding: "windows-1254",
        bom: false,
        delimiter: ";",
        quote: '"',
        decimalMark: ",",
      },
      mapping: { Tarih: "occurred_at", Not: null },
      rowSettings: { decimalMark: ",", dateFormats: { Tarih: "dd.mm.yyyy" } },
      defaultSource: "branch",
    } as const;
    const stored = datasetSettingsOf(options);
    expect(english(importOptionsOfDataset({ settings: stored, mapping: options.mapping }))).toEqual(
      options,
    );
    expect(
      english(importOptionsOfDataset({ settings: { encoding: "ebcdic" }, mapping: {} })),
    ).toBeUndefined();
  });
});
