import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { describe, expect, it } from "vitest";
import { csvParseOptions, zipRecord } from "~/ingest/csv-options";
import { createDecodeStream } from "~/ingest/decode";
import type { DatasetKind } from "~/ingest/kinds";
import { headersSignature } from "~/ingest/mapping";
import { type CsvPreview, type PreviewOverrides, previewCsv } from "~/ingest/preview";
import { english } from "../../helpers/english";
import { fixture } from "./fixtures";

function preview(name: string, kind: DatasetKind, overrides?: PreviewOverrides): CsvPreview {
  const result = previewCsv(fixture(name), kind, overrides);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const values = (result: CsvPreview) =>
  result.checks.map((check) => (check.ok ? check.value : check.errors));

describe("previewCsv", () => {
  it("asks for the date format of an ambiguous column and applies the user's choice", () => {
    const first = preview("ambiguous-dates.csv", "transactions");
    expect(english(first.dateColumns)).toEqual({
      order_date: { status: "ambiguous", candidates: ["dd/mm/yyyy", "mm/dd/yyyy"], hasTime: false },
    });
    expect(english(first.rowSettings.dateFormats)).toEqual({});
    expect(english(first.checks.every((check) => !check.ok))).toBe(true);

    const chosen = preview("ambiguous-dates.csv", "transactions", {
      dateFormats: { order_date: "mm/dd/yyyy" },
    });
    expect(english(values(chosen).map((row) => "occurred_at" in row && row.occurred_at))).toEqual([
      "2024-03-04T00:00:00.000Z",
      "2024-05-06T00:00:00.000Z",
      "2024-11-12T00:00:00.000Z",
      "2024-01-02T00:00:00.000Z",
    ]);
  });

  it("settles day-first from later rows of the sample", () => {
    const result = preview("mixed-dates.csv", "transactions");
    expect(english(result.dateColumns.order_date)).toEqual({
      status: "detected",
      format: "dd/mm/yyyy",
      hasTime: false,
      invalidSamples: [],
    });
    const first = result.checks[0];
    expect(english(first?.ok && first.value)).toMatchObject({
      order_id: "T1",
      occurred_at: "2024-04-03T00:00:00.000Z",
      amount: 10,
    });
  });

  it("reads a Turkish windows-1254 sales export end to end", () => {
    const result = preview("windows-1254.csv", "transactions");
    expect(english(result.mappingCheck.ok)).toBe(true);
    expect(english(result.dateColumns["İşlem Tarihi"])).toMatchObject({
      status: "detected",
      format: "dd.mm.yyyy",
      hasTime: true,
    });
    expect(english(values(result))).toEqual([
      expect.objectContaining({
        order_id: "S-1001",
        customer_external_id: "C001",
        amount: 99.8,
        quantity: 2,
        currency: "TRY",
        channel: "Kadıköy",
        is_return: false,
      }),
      expect.objectContaining({
        order_id: "S-1002",
        customer_external_id: null,
        amount: 1249,
        channel: "online",
        is_return: false,
      }),
      expect.objectContaining({
        order_id: "S-1003",
        occurred_at: "2024-03-07T18:45:00.000Z",
        amount: -350,
        quantity: -1,
        is_return: true,
      }),
    ]);
  });

  it("reads a Russian windows-1251 customer list with decimal commas and spaces", () => {
    const result = preview("windows-1251.csv", "customers");
    expect(english(values(result))).toEqual([
      expect.objectContaining({
        external_id: "К-001",
        phone: "+79161234567",
        gender: "male",
        birth_date: "1985-03-14",
        income: 85000.5,
        consent_email: true,
      }),
      expect.objectContaining({
        external_id: "К-002",
        gender: "female",
        income: 120000,
        consent_email: false,
      }),
      expect.objectContaining({ external_id: "К-003", city: "Новосибирск", income: 64500 }),
    ]);
  });

  it("types the unmapped customer columns as attributes", () => {
    const result = preview("utf8-no-bom.csv", "customers");
    expect(english(result.attributeTypes)).toEqual({
      loyalty_points: "number",
      favourite_store: "category",
    });
    expect(english(result.checks.every((check) => check.ok))).toBe(true);
    const first = result.checks[0];
    expect(english(first?.ok && first.value)).toMatchObject({
      income: 52000.5,
      phone: "+447911123456",
      attributes: {
        loyalty_points: { type: "number", value: 1200 },
        favourite_store: { type: "category", value: "Oxford St" },
      },
    });
  });

  it("reads channel audiences with percents, fractions, M and mm:ss", () => {
    const [hurriyet, instagram] = values(preview("channel-audiences.csv", "channel_audiences"));
    expect(english(hurriyet)).toMatchObject({
      age_bands: { age_18_24: 0.12, age_55_plus: 0.17 },
      monthly_visits: 120_000_000,
      avg_visit_duration_seconds: 275,
      bounce_rate: 0.45,
    });
    expect(english(instagram)).toMatchObject({
      age_bands: { age_18_24: 0.35 },
      interests: { interest_sports: 0.25, interest_travel: 0.3 },
      monthly_visits: 1_200_000,
      bounce_rate: 0.38,
    });
  });

  it("uses the user's mapping and reports what it lacks", () => {
    const result = preview("delimiter-comma.csv", "products", {
      mapping: { code: null, name: "name", price: "price" },
    });
    expect(english(result.mappingCheck)).toEqual({
      ok: false,
      problems: ["Map a column to code."],
      missing: ["code"],
    });
    expect(english(result.columns.find((column) => column.header === "code")?.field)).toBe("code");
  });

  it("limits the rows shown but reads the whole sample", () => {
    const result = preview("ragged-rows.csv", "products", { rowLimit: 2 });
    expect(english(result.rows)).toHaveLength(2);
    expect(english(result.checks)).toHaveLength(2);
    expect(english(result.sampleRowCount)).toBe(5);
    expect(english(result.signature)).toBe(headersSignature(["code", "name", "category", "price"]));
  });

  it("passes on why a file is not a CSV", () => {
    expect(english(previewCsv(fixture("not-csv.xlsx"), "customers"))).toMatchObject({
      ok: false,
      code: "binary",
    });
    expect(english(previewCsv(fixture("empty.csv"), "customers"))).toMatchObject({
      ok: false,
      code: "empty",
    });
  });
});

/** What the loader does: stream-decode the whole file and parse it with the shared options. */
async function loadLikeTheLoader(bytes: Buffer, result: CsvPreview): Promise<string[][]> {
  const records: string[][] = [];
  const stream = Readable.from([bytes])
    .pipe(createDecodeStream(result.settings.encoding))
    .pipe(parse(csvParseOptions(result.settings)));
  for await (const record of stream) records.push(record as string[]);
  return records;
}

describe("the loader's reading matches the preview's", () => {
  it.each([
    ["utf8-bom.csv", "customers"],
    ["utf16le-bom.csv", "transactions"],
    ["utf16be.csv", "products"],
    ["windows-1251.csv", "customers"],
    ["windows-1254.csv", "transactions"],
    ["iso-8859-9.csv", "customers"],
    ["quoted-fields.csv", "campaigns"],
    ["single-quote.csv", "products"],
    ["ragged-rows.csv", "products"],
    ["empty-lines.csv", "products"],
    ["trailing-delimiters.csv", "products"],
  ] as const)("%s", async (name, kind) => {
    const result = preview(name, kind);
    const [header = [], ...rows] = await loadLikeTheLoader(fixture(name), result);
    expect(english(header.slice(0, result.headers.length))).toEqual(result.headers);
    expect(english(rows)).toEqual(result.rows);
    const zipped = rows.map((row) => zipRecord(result.headers, row));
    expect(
      english(
        zipped.every((record) => Object.keys(record.values).length === result.headers.length),
      ),
    ).toBe(true);
  });

  it("zips ragged rows: short rows read empty, extra fields are returned apart", () => {
    expect(english(zipRecord(["a", "b", "c"], ["1"]))).toEqual({
      values: { a: "1", b: "", c: "" },
      extra: [],
      missing: 2,
    });
    expect(english(zipRecord(["a"], ["1", "", "x"]))).toEqual({
      values: { a: "1" },
      extra: ["x"],
      missing: 0,
    });
  });
});
