/** The streaming reader: batches, line numbers and raw text as written in the file. */
import { describe, expect, it } from "vitest";
import { locateRecord, type RecordBatch, readRecordBatches } from "~/ingest/csv-reader.server";
import { fixture } from "./support";

async function readAll(
  file: string,
  settings: Parameters<typeof readRecordBatches>[1],
  batchSize = 1000,
) {
  const batches: RecordBatch[] = [];
  await readRecordBatches(file, settings, { batchSize }, (batch) => {
    batches.push(batch);
  });
  return batches;
}

const located = (batch: RecordBatch) =>
  batch.raws.map((raw, index) => locateRecord(raw, batch.endLines[index] ?? 0));

describe("readRecordBatches", () => {
  it("gives each record its first line, past blank lines and ';;' rows that are skipped", async () => {
    const [batch] = await readAll(fixture("csv/empty-lines.csv"), {
      encoding: "utf-8",
      delimiter: ";",
      quote: '"',
    });
    expect(batch?.records).toEqual([
      ["code", "name", "price"],
      ["P1", "Tea glass", "49,90"],
      ["P2", "Mug", "25,00"],
      ["P3", "Plate", "30,00"],
    ]);
    expect(batch && located(batch)).toEqual([
      { line: 1, text: "code;name;price" },
      { line: 3, text: "P1;Tea glass;49,90" },
      { line: 5, text: "P2;Mug;25,00" },
      { line: 8, text: "P3;Plate;30,00" },
    ]);
  });

  it("a quoted field across lines starts on its first line; batches keep order", async () => {
    const batches = await readAll(
      fixture("csv/quoted-fields.csv"),
      { encoding: "utf-8", delimiter: ",", quote: '"' },
      2,
    );
    expect(batches.map((batch) => batch.records.length)).toEqual([2, 2]);
    const last = batches[1];
    expect(last && located(last)[1]).toEqual({
      line: 4,
      text: 'CMP-3,"Two-line\nname",Email,2024-05-01,2024-05-07,150,20000,800,40,2600,Newsletter offer',
    });
  });

  it("decodes legacy code pages before parsing", async () => {
    const [batch] = await readAll(fixture("csv/windows-1254.csv"), {
      encoding: "windows-1254",
      delimiter: ";",
      quote: '"',
    });
    expect(batch?.records[0]?.slice(0, 3)).toEqual(["Sipariş No", "Müşteri No", "İşlem Tarihi"]);
    expect(batch?.records[1]?.[4]).toBe("Çay Bardağı");
  });
});
