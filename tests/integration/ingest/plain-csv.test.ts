/**
 * The line reader (plain-csv.server.ts: lines without quotes split natively, lines with
 * quotes read by csv-parse) against the streaming csv-parse reader: for every file it
 * accepts, both give the same records, raw text and line numbers; every file it must not
 * take goes to the streaming reader.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import {
  locateRecord,
  type ReadOptions,
  type RecordBatch,
  readParsedRecordBatches,
} from "~/ingest/csv-reader.server";
import { canReadByLines, readLineRecordBatches } from "~/ingest/plain-csv.server";
import type { CsvSettings } from "~/ingest/settings";
import { sniffCsv } from "~/ingest/sniff";
import { fixture } from "./support";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plain-csv-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
function write(content: string | Buffer): string {
  const file = path.join(dir, `file-${files++}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

type Settings = Pick<CsvSettings, "encoding" | "delimiter" | "quote">;
const utf8: Settings = { encoding: "utf-8", delimiter: ",", quote: '"' };

type Reader = (
  file: string,
  settings: Settings,
  options: ReadOptions,
  consume: (batch: RecordBatch) => void,
) => Promise<void>;

/** Records with their located lines, and the batch sizes, as a reader gives them. */
async function read(reader: Reader, file: string, settings: Settings, batchSize = 3) {
  const records: { fields: string[]; line: number; text: string }[] = [];
  const sizes: number[] = [];
  await reader(file, settings, { batchSize }, (batch) => {
    sizes.push(batch.records.length);
    batch.records.forEach((fields, index) => {
      const located = locateRecord(batch.raws[index] ?? "", batch.endLines[index] ?? 0);
      records.push({ fields, ...located });
    });
  });
  return { records, sizes };
}

async function expectSameAsCsvParse(content: string | Buffer, settings: Settings = utf8) {
  const file = write(content);
  // Any density of quotes: the comparison is about reading, not about which reader is faster.
  expect(await canReadByLines(file, settings, Number.POSITIVE_INFINITY)).toBe(true);
  const plain = await read(readLineRecordBatches, file, settings);
  expect(plain).toEqual(await read(readParsedRecordBatches, file, settings));
  return plain;
}

describe("canReadByLines", () => {
  it("refuses lone carriage returns, accepts CRLF and LF in any mix", async () => {
    expect(await canReadByLines(write("a,b\r1,2\r"), utf8)).toBe(false);
    expect(await canReadByLines(write("a,b\r\n1,2\r"), utf8)).toBe(false);
    expect(await canReadByLines(write("a,b\r\n1,2\n"), utf8)).toBe(true);
    expect(await canReadByLines(write("a,b\n1,2\r\n"), utf8)).toBe(true);
    expect(await canReadByLines(write("a,b\r\n1,2\r\n"), utf8)).toBe(true);
    expect(await canReadByLines(write("a,b\r\n1,2"), utf8)).toBe(true);
  });

  it("leaves files with quotes on most lines to the streaming reader (it is faster there)", async () => {
    const sparse = write(`id,name\n${`P1,"Pirinç 2,5 kg"\n${"P2,Çay\n".repeat(9)}`.repeat(10)}`);
    expect(await canReadByLines(sparse, utf8)).toBe(true);
    const dense = write(`"id","name"\n${'"P1","Çay"\n'.repeat(20)}`);
    expect(await canReadByLines(dense, utf8)).toBe(false);
  });

  it("leaves UTF-16 to csv-parse (its quote and line bytes are not single bytes)", async () => {
    const file = write(iconv.encode("a,b\n1,2\n", "utf-16le"));
    expect(await canReadByLines(file, { ...utf8, encoding: "utf-16le" })).toBe(false);
  });
});

describe("readLineRecordBatches reads as csv-parse does", () => {
  it("blank lines, blank ';;' records, whitespace-only lines and ragged rows", async () => {
    const { records } = await expectSameAsCsvParse(
      "code;name;price\n\nP1;Tea glass;49,90\n;;\n  \nP2;Mug\n\n\nP3;Plate;30,00;;\n",
      { ...utf8, delimiter: ";" },
    );
    expect(records.map((record) => record.line)).toEqual([1, 3, 6, 9]);
    expect(records[2]?.fields).toEqual(["P2", "Mug"]);
  });

  it("CRLF files, with and without a final line break, and a BOM", async () => {
    await expectSameAsCsvParse("\uFEFFid,amount\r\nT1,5\r\n\r\nT2,-3\r\n");
    const { records } = await expectSameAsCsvParse("\uFEFFid,amount\r\nT1,5\r\nT2,-3");
    expect(records[0]?.fields).toEqual(["id", "amount"]);
    expect(records[2]).toEqual({ fields: ["T2", "-3"], line: 3, text: "T2,-3" });
  });

  it("tabs, pipes, spaces kept in fields, empty fields and trailing delimiters", async () => {
    await expectSameAsCsvParse("a\tb\tc\n x \t\t\n1\t2\t3\t\n", { ...utf8, delimiter: "\t" });
    await expectSameAsCsvParse("a|b\n|\n1|2\n", { ...utf8, delimiter: "|" });
  });

  it("multi-byte characters cut between chunks, and a legacy code page", async () => {
    // 1 MiB chunks: the 3-byte "₺" lands across a chunk boundary somewhere in here.
    const rows = Array.from({ length: 70_000 }, (_, index) => `T${index},₺${index},Öykü`);
    const { sizes } = await expectSameAsCsvParse(`id,price,name\n${rows.join("\n")}\n`);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(70_001);
    const turkish = iconv.encode("Müşteri;Şehir\nÇağla;İzmir\n", "windows-1254");
    const { records } = await expectSameAsCsvParse(turkish, {
      ...utf8,
      encoding: "windows-1254",
      delimiter: ";",
    });
    expect(records[1]?.fields).toEqual(["Çağla", "İzmir"]);
  });

  it("quoted fields: delimiters, doubled quotes, line breaks and blank lines inside", async () => {
    const { records } = await expectSameAsCsvParse(
      [
        "id,name,note",
        'P1,"Baldo Pirinç 2,5 kg",plain',
        'P2,"12"" screen","two',
        "",
        'lines"',
        "P3,Tea,after",
        "",
        'P4,"x","y"',
        "",
      ].join("\n"),
    );
    expect(records.map((record) => [record.fields[0], record.line])).toEqual([
      ["id", 1],
      ["P1", 2],
      ["P2", 3],
      ["P3", 6],
      ["P4", 8],
    ]);
    expect(records[2]?.fields).toEqual(["P2", '12" screen', "two\n\nlines"]);
  });

  it("stray quotes inside unquoted fields, and CRLF files with quoted line breaks", async () => {
    await expectSameAsCsvParse('id;size\nT1;12" screen\nT2;5\'11"\n', { ...utf8, delimiter: ";" });
    await expectSameAsCsvParse('id,note\r\nT1,"a\r\nb"\r\nT2,c\r\n');
  });

  it("a quoted field over many lines and chunks is read whole", async () => {
    const note = Array.from({ length: 20_000 }, (_, index) => `line ${index} of a long note`);
    const { records } = await expectSameAsCsvParse(`id,note\nN1,"${note.join("\n")}"\nN2,short\n`);
    expect(records.map((record) => record.line)).toEqual([1, 2, 20_002]);
    expect(records[1]?.fields[1]?.split("\n")).toHaveLength(20_000);
  });

  it("counts a CRLF inside a quoted field as one line, in both readers", async () => {
    const { records } = await expectSameAsCsvParse(
      'id,note\r\nT1,"a\r\n\r\nb\r\nc"\r\nT2,c\r\nT3,d\r\n',
    );
    expect(records.map((record) => [record.fields[0], record.line])).toEqual([
      ["id", 1],
      ["T1", 2],
      ["T2", 6],
      ["T3", 7],
    ]);
  });

  it("keeps a U+FEFF that starts a quoted line in the middle of the file", async () => {
    const { records } = await expectSameAsCsvParse('id,note\nA,1\n\uFEFF"x",2\n');
    expect(records[2]?.fields).toEqual(['\uFEFF"x"', "2"]);
  });

  it("reads a file of two-line quoted records beyond the record limit in total", async () => {
    // 34 MB of records whose quoted field ends on the next line: a stretch must never
    // gather the file, only the record still open.
    const note = "x".repeat(2_000);
    const body = Array.from({ length: 17_000 }, (_, index) => `N${index},"${note}\n"`).join("\n");
    const { records } = await expectSameAsCsvParse(`id,note\n${body}\n`);
    expect(records).toHaveLength(17_001);
    expect(records.at(-1)?.line).toBe(1 + 2 * 17_000 - 1);
  });

  it("a quote left open at the end is csv-parse's error, naming the record's first line", async () => {
    const file = write('id,note\nA,ok\nB,"never closed\nC,x\n');
    await expect(read(readLineRecordBatches, file, utf8)).rejects.toMatchObject({
      code: "CSV_QUOTE_NOT_CLOSED",
      message: expect.stringContaining("(in the record that starts on line 3)"),
    });
    await expect(read(readParsedRecordBatches, file, utf8)).rejects.toMatchObject({
      code: "CSV_QUOTE_NOT_CLOSED",
    });
  });

  it("an empty file and a header alone", async () => {
    await expectSameAsCsvParse("");
    await expectSameAsCsvParse("a,b,c");
  });

  it("refuses a line longer than the record limit with a CSV error", async () => {
    const file = write(`a\n${"x".repeat(33 * 1024 * 1024)}\n`);
    await expect(read(readLineRecordBatches, file, utf8)).rejects.toMatchObject({
      code: "CSV_MAX_RECORD_SIZE",
      message: expect.stringMatching(/^the record that starts on line 2 is longer than/),
    });
  });
});

describe("the awkward-file corpus", () => {
  it("reads every fixture it accepts exactly as the streaming csv-parse reader", async () => {
    const folder = path.dirname(fixture("csv/quoted-fields.csv"));
    const files = [
      ...fs.readdirSync(folder).map((name) => path.join(folder, name)),
      fixture("ingest/customers-online.csv"),
      fixture("ingest/customers-branch-1254.csv"),
      fixture("ingest/transactions.csv"),
    ].filter((file) => file.endsWith(".csv"));
    const accepted: string[] = [];
    for (const file of files) {
      const sniffed = sniffCsv(fs.readFileSync(file));
      const anyQuotes = Number.POSITIVE_INFINITY;
      if (!sniffed.ok || !(await canReadByLines(file, sniffed.settings, anyQuotes))) continue;
      accepted.push(path.basename(file));
      const byLines = await read(readLineRecordBatches, file, sniffed.settings, 2);
      const parsed = await read(readParsedRecordBatches, file, sniffed.settings, 2);
      expect(byLines, path.basename(file)).toEqual(parsed);
    }
    // Quoted, legacy-encoded, BOM, ragged and mixed-line-ending files are among those read
    // by lines; one with lone carriage returns is left to the streaming reader.
    expect(accepted).not.toContain("line-endings-cr-mix.csv");
    expect(accepted).toEqual(
      expect.arrayContaining([
        "quoted-fields.csv",
        "quoted-newlines-crlf.csv",
        "quoted-newlines-lf.csv",
        "line-endings-crlf-lf.csv",
        "apostrophes.csv",
        "single-quote.csv",
        "campaigns-daily-tr.csv",
        "windows-1254.csv",
        "utf8-bom.csv",
        "ragged-rows.csv",
        "customers-branch-1254.csv",
      ]),
    );
  });
});
