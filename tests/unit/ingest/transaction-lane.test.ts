/**
 * The transactions fast lane against the slow path (row mapper + zod schema + the columns
 * of a validated row): on every record the lane takes, both give the same staging columns;
 * records it declines are the slow path's to accept or reject.
 */
import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "~/ingest/mapping";
import { createRowMapper } from "~/ingest/row-mapper";
import { type RowSettings, type TransactionRow, validateRow } from "~/ingest/schemas";
import { createLineKeys, type LineKeys } from "~/ingest/transaction-keys";
import {
  createTransactionLane,
  keyColumnsOf,
  LANE_COLUMNS,
  writeRowColumns,
} from "~/ingest/transaction-lane";

const headers = ["id", "customer", "when", "code", "qty", "price", "amount", "currency", "channel"];
const mapping: ColumnMapping = {
  id: "transaction_id",
  customer: "customer_external_id",
  when: "occurred_at",
  code: "product_code",
  qty: "quantity",
  price: "unit_price",
  amount: "amount",
  currency: "currency",
  channel: "channel",
};
const dot: RowSettings = { decimalMark: ".", dateFormats: { when: "iso" } };
const comma: RowSettings = { decimalMark: ",", dateFormats: { when: "dd.mm.yyyy" } };

const freshKeys = () => createLineKeys(keyColumnsOf(headers, mapping));

/** What the slow path stages for a record, or null when it rejects it. */
function slowColumns(
  fields: string[],
  settings: RowSettings,
  keys: LineKeys = freshKeys(),
  fileHeaders: string[] = headers,
  fileMapping: ColumnMapping = mapping,
): unknown[] | null {
  const mapped = createRowMapper("transactions", fileHeaders, fileMapping)(fields);
  if (!mapped.ok) return null;
  const result = validateRow("transactions", mapped.mapped, settings);
  if (!result.ok) return null;
  const out: unknown[] = [];
  writeRowColumns(result.value as TransactionRow, keys, out, 0);
  return out;
}

function laneColumns(fields: string[], settings: RowSettings): unknown[] | null {
  const lane = createTransactionLane(headers, mapping, settings, freshKeys());
  if (!lane) throw new Error("expected a lane");
  const out: unknown[] = new Array(LANE_COLUMNS + 3).fill("untouched");
  return lane(fields, out, 3) ? out.slice(3) : null;
}

const row = (cells: Partial<Record<string, string>>) =>
  headers.map((header) => cells[header] ?? "");

/** Each row is valid, and the lane stages exactly what the slow path would. */
function expectLaneTakesAsSlowPath(
  cases: Partial<Record<string, string>>[],
  settings: RowSettings,
) {
  for (const cells of cases) {
    const expected = slowColumns(row(cells), settings);
    expect(expected, JSON.stringify(cells)).not.toBeNull();
    expect(laneColumns(row(cells), settings), JSON.stringify(cells)).toEqual(expected);
  }
}

const base = { id: "T1", when: "2025-03-05 14:30", amount: "10.50" };

describe("the transactions lane", () => {
  it("stages plain rows exactly as the slow path does", () => {
    const cases = [
      base,
      { ...base, customer: "C00042", code: "P7", channel: "web", currency: "try" },
      { ...base, when: "2024-02-29", amount: "", qty: "3", price: "19.99" },
      { ...base, when: "2025-03-05T14:30:05Z", amount: "-5", qty: "2" },
      { ...base, qty: "-1", price: "4.20", amount: "4.20" },
      { ...base, amount: "0", channel: "Mağaza" },
      { ...base, customer: "  C 7 ", code: "n/a", channel: "-" },
      { ...base, amount: "1e3" },
      // Turkish and Cyrillic first letters; "no value" markers in any alphabet.
      { ...base, customer: "Öykü-7", code: "Şeker", channel: "Магазин" },
      { ...base, customer: "нет данных", code: "Ñ/A", channel: "—" },
      { ...base, when: "2024-11-01T09:03:50+03:00" },
    ];
    expectLaneTakesAsSlowPath(cases, dot);
  });

  it("reads decimal commas and day-first dates like the slow path", () => {
    const cases = [
      { id: "T2", when: "05.03.2024 14:30", amount: "1.249,90" },
      { id: "T3", when: "31.12.2024", qty: "2", price: "₺19,99" },
      { id: "T4", when: "01.01.2025", amount: "(49,90)", currency: "TL" },
    ];
    expectLaneTakesAsSlowPath(cases, comma);
  });

  it("declines what the slow path must reject or key itself", () => {
    const declined = [
      { ...base, when: "2025-02-30" },
      { ...base, when: "2025-13-01 10:00" },
      { ...base, when: "2025-03-05 24:00" },
      { ...base, when: "2025-03-05 10:60" },
      { ...base, when: "2025-03-05 10:00:60" },
      { ...base, when: "" },
      { ...base, amount: "", qty: "2" },
      { ...base, amount: "ten" },
      { ...base, currency: "dollars" },
      { ...base, code: "x".repeat(1001) },
      { ...base, id: "" },
    ];
    for (const cells of declined) {
      expect(laneColumns(row(cells), dot), JSON.stringify(cells)).toBeNull();
    }
    // Rejected by the slow path too, except the row without an id (keyed by its hash).
    expect(declined.map((cells) => slowColumns(row(cells), dot) === null)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it("reads a date column of unsettled format value by value: the slow path's job", () => {
    const unsettled: RowSettings = { decimalMark: ".", dateFormats: {} };
    expect(laneColumns(row(base), unsettled)).toBeNull();
    expect(slowColumns(row(base), unsettled)?.[3]).toBe(Date.UTC(2025, 2, 5, 14, 30));
  });

  it("agrees with the slow path on generated rows of every shape it takes", () => {
    const dates = ["2023-01-31", "2024-02-29 23:59", "2025-12-31T00:00:59", "1999-07-04 12:00Z"];
    const numbers = ["", "0", "-0", "12", "12.5", "-3.25", "007", "1,5", "12.", ".5", " 8 "];
    let taken = 0;
    for (const when of dates) {
      for (const qty of numbers) {
        for (const price of numbers) {
          for (const amount of numbers) {
            const fields = row({ id: "T", when, qty, price, amount, channel: "store" });
            const lane = laneColumns(fields, dot);
            if (lane === null) continue;
            taken++;
            expect(lane, JSON.stringify(fields)).toEqual(slowColumns(fields, dot));
          }
        }
      }
    }
    expect(taken).toBeGreaterThan(3000);
  });

  it("has no lane for a file without a transaction id or order id column", () => {
    const { id: _, ...withoutId } = mapping;
    expect(createTransactionLane(headers, withoutId, dot, freshKeys())).toBeNull();
  });
});

describe("the lane on order-line files", () => {
  const lineHeaders = ["order", "line", "when", "qty", "price", "customer"];
  const lineMapping: ColumnMapping = {
    order: "order_id",
    line: "line_number",
    when: "occurred_at",
    qty: "quantity",
    price: "unit_price",
    customer: "customer_external_id",
  };
  const { line: _, ...noLineMapping } = lineMapping;
  const keysFor = (fileMapping: ColumnMapping) =>
    createLineKeys(keyColumnsOf(lineHeaders, fileMapping));

  /** Both paths over a whole file, each with its own per-file keys; rows in file order. */
  function bothPaths(records: string[][], fileMapping: ColumnMapping) {
    const laneKeys = keysFor(fileMapping);
    const slowKeys = keysFor(fileMapping);
    const lane = createTransactionLane(lineHeaders, fileMapping, dot, laneKeys);
    if (!lane) throw new Error("expected a lane");
    return records.map((fields) => {
      const out: unknown[] = new Array(LANE_COLUMNS);
      const laneRow = lane(fields, out, 0) ? out : null;
      const slowRow = slowColumns(fields, dot, slowKeys, lineHeaders, fileMapping);
      return { laneRow, slowRow };
    });
  }

  const records = [
    ["536365", "", "2010-12-01 08:26", "6", "2.55", "17850"],
    ["536365", "", "2010-12-01 08:26", "6", "3.39", "17850"],
    ["536366", "", "2010-12-01 08:28", "6", "1.85", "17850"],
    ["536365", "", "2010-12-01 08:26", "8", "2.75", "17850"],
    ["C536379", "", "2010-12-01 09:41", "-1", "27.50", "14527"],
  ];

  it("keys lines by order and position, and stores the order id, as the slow path does", () => {
    const rows = bothPaths(records, noLineMapping);
    for (const { laneRow, slowRow } of rows) expect(laneRow).toEqual(slowRow);
    expect(rows.map(({ laneRow }) => laneRow?.[0])).toEqual([
      "536365",
      "536365#2",
      "536366",
      "536365#3",
      "C536379",
    ]);
    expect(rows.map(({ laneRow }) => laneRow?.[1])).toEqual([
      "536365",
      "536365",
      "536366",
      "536365",
      "C536379",
    ]);
    // The cancellation stays a return: negative quantity and amount, is_return set.
    expect(rows[4]?.laneRow?.slice(7, 10)).toEqual([-1, 27.5, -27.5]);
    expect(rows[4]?.laneRow?.at(-1)).toBe(1);
  });

  it("keys lines by the line-number column when the file has one", () => {
    const numbered = records.map((fields, index) => [
      fields[0] as string,
      ["1", "2", "1", "7", "1"][index] as string,
      ...fields.slice(2),
    ]);
    const rows = bothPaths(numbered, lineMapping);
    for (const { laneRow, slowRow } of rows) expect(laneRow).toEqual(slowRow);
    expect(rows.map(({ laneRow }) => laneRow?.[0])).toEqual([
      "536365",
      "536365#2",
      "536366",
      "536365#7",
      "C536379",
    ]);
  });

  it("declines a line number that is not a whole number, which the slow path rejects", () => {
    const bad = [["536365", "1.5", "2010-12-01 08:26", "6", "2.55", "17850"]];
    const [row] = bothPaths(bad, lineMapping);
    expect(row).toEqual({ laneRow: null, slowRow: null });
  });

  it("leaves a line without order id to the slow path, which keys it by its hash", () => {
    const anonymous = [["", "", "2010-12-01 08:26", "6", "2.55", ""]];
    const [row] = bothPaths(anonymous, noLineMapping);
    expect(row?.laneRow).toBeNull();
    expect(String(row?.slowRow?.[0])).toMatch(/^row:[0-9a-f]{32}$/);
  });
});
