/**
 * Reading awkward files end to end through `import` (issue 9, point 5): quoted fields with
 * line breaks, mixed line endings, UTF-8 with a few damaged bytes, and the --quote flag.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { english } from "../../helpers/english";
import { fixture, rowsOf, setUpIngest } from "./support";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reading-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface CustomerRow {
  name: string;
  city: string | null;
  attributes: string | null;
}

interface WarningRow {
  line_number: number;
  column: string | null;
  value: string;
  reason: string;
}

const customersOf = (ingest: ReturnType<typeof setUpIngest>) =>
  rowsOf<CustomerRow>(ingest.db, "customers", ingest.workspaceId);

const notesOf = (ingest: ReturnType<typeof setUpIngest>) =>
  customersOf(ingest).map((row) => JSON.parse(row.attributes ?? "{}").note);

describe("quoted fields with line breaks", () => {
  const notes = [
    "Once upon\na time",
    "Prefers email\nnot SMS\nsince 2023",
    "it's a long story,\nwith a comma",
    "plain",
    "two\nlines",
  ];

  it.each(["quoted-newlines-crlf.csv", "quoted-newlines-lf.csv"])(
    "%s: one record per customer, the line breaks kept in the note",
    async (name) => {
      const ingest = setUpIngest();
      const summary = await ingest.importOk("customers", fixture(`csv/${name}`));
      expect(english(summary)).toMatchObject({ rows_read: 5, rows_loaded: 5, rows_rejected: 0 });
      expect(english(customersOf(ingest).map((row) => row.name))).toEqual([
        "Ayşe Yılmaz",
        "Sean O'Brien",
        "Ali Kaya",
        "Ana D'Souza",
        "Öykü Şahin",
      ]);
      expect(english(notesOf(ingest))).toEqual(notes);
    },
  );

  it("a Python-csv-style file whose notes mostly span lines is read with the double quote", async () => {
    const rows = Array.from(
      { length: 30 },
      (_, n) => `C-${n},Name ${n},"first line ${n}\nsecond line\nthird line"`,
    );
    const file = path.join(dir, "python-notes.csv");
    fs.writeFileSync(file, `customer_id,full_name,note\r\n${rows.join("\r\n")}\r\n`);
    const ingest = setUpIngest();
    const summary = await ingest.importOk("customers", file);
    expect(english(summary)).toMatchObject({ rows_loaded: 30, rows_rejected: 0 });
    expect(english(notesOf(ingest))).toContain("first line 7\nsecond line\nthird line");
  });

  it("--quote reads a file with the quote given, and refuses other values", async () => {
    const ingest = setUpIngest();
    const file = path.join(dir, "single.csv");
    fs.writeFileSync(
      file,
      "customer_id;full_name;city\n'C-1';'Kaya; Ali';İzmir\n'C-2';Can;Bursa\n",
    );
    const summary = await ingest.importOk("customers", file, "--quote", "'");
    expect(english(summary)).toMatchObject({ rows_loaded: 2, delimiter: ";" });
    expect(english(customersOf(ingest).map((row) => row.name))).toEqual(["Kaya; Ali", "Can"]);
    // Forced the other way, the quotes stay text and the ";" inside splits the first row.
    const forced = setUpIngest("forced");
    const split = await forced.importOk("customers", file, "--quote", '"', "--delimiter", ";");
    expect(english(split)).toMatchObject({ rows_loaded: 1, rows_rejected: 1 });

    const refused = await ingest.cliImport("customers", file, "--quote", "`");
    expect(english(refused.code)).not.toBe(0);
    expect(english(refused.stderr)).toContain(`use '"' (double quote) or "'" (single quote)`);
  });
});

describe("line endings", () => {
  it("a CRLF/LF/CR mix: every row is loaded", async () => {
    const ingest = setUpIngest();
    const summary = await ingest.importOk("customers", fixture("csv/line-endings-cr-mix.csv"));
    expect(english(summary)).toMatchObject({ rows_read: 4, rows_loaded: 4, rows_rejected: 0 });
    expect(english(customersOf(ingest).map((row) => [row.name, row.city]))).toEqual([
      ["Ayşe", "İstanbul"],
      ["Ali", "İzmir"],
      ["Öykü", "Muğla"],
      ["Can", "Bursa"],
    ]);
  });

  it("CRLF with some bare LFs, and a CRLF inside a quoted field kept as written", async () => {
    const ingest = setUpIngest();
    const summary = await ingest.importOk("customers", fixture("csv/line-endings-crlf-lf.csv"));
    expect(english(summary)).toMatchObject({ rows_loaded: 4, rows_rejected: 0 });
    expect(english(customersOf(ingest).map((row) => row.city))).toEqual([
      "İstanbul",
      "İz\r\nmir",
      "Muğla",
      "Bursa",
    ]);
  });

  it("a rejected row after mixed endings names its own line", async () => {
    const file = path.join(dir, "mixed-reject.csv");
    fs.writeFileSync(
      file,
      // Line 3 has no customer id, which rejects it (a bad e-mail would only warn).
      "customer_id,full_name,email\r\nC-1,A,a@x.test\n,B,b@x.test\rC-3,C,c@x.test\r\n",
    );
    const ingest = setUpIngest();
    const summary = await ingest.importOk("customers", file);
    expect(english(summary)).toMatchObject({ rows_loaded: 2, rows_rejected: 1 });
    const [rejected] = rowsOf<{ line_number: number; raw: string }>(
      ingest.db,
      "rejected_rows",
      ingest.workspaceId,
    );
    expect(english(rejected)).toMatchObject({ line_number: 3, raw: ",B,b@x.test" });
  });
});

describe("UTF-8 with a few invalid bytes", () => {
  const expected: WarningRow[] = [
    {
      line_number: 7,
      column: "full_name",
      value: "Ay\\xC3(e Kaya",
      reason: "invalid UTF-8 bytes \\xC3; shown as �",
    },
    {
      line_number: 12,
      column: "full_name",
      value: "Ay\\xFEe Demir",
      reason: "invalid UTF-8 bytes \\xFE; shown as �",
    },
    {
      line_number: 12,
      column: "city",
      value: "Kır\\xFEehir",
      reason: "invalid UTF-8 bytes \\xFE; shown as �",
    },
  ];

  async function importDamaged(file: string) {
    const ingest = setUpIngest();
    const summary = await ingest.importOk("customers", file);
    const warnings = ingest.db.$client
      .prepare(
        `SELECT line_number, "column", value, reason FROM cell_warnings
         WHERE workspace_id = ? ORDER BY line_number, id`,
      )
      .all(ingest.workspaceId) as WarningRow[];
    const count = ingest.db.$client
      .prepare("SELECT cell_warnings FROM datasets WHERE id = ?")
      .pluck()
      .get(summary.dataset_id);
    return { ingest, summary, warnings, count };
  }

  it("is read as UTF-8: Turkish letters intact, one cell warning per damaged cell", async () => {
    const { ingest, summary, warnings, count } = await importDamaged(
      fixture("csv/utf8-invalid-bytes.csv"),
    );
    expect(english(summary)).toMatchObject({
      encoding: "utf-8",
      rows_loaded: 20,
      rows_rejected: 0,
    });
    const names = customersOf(ingest).map((row) => row.name);
    expect(english(names)).toContain("Gülşen Işık");
    expect(english(names)).toContain("Şükrü Çağlar");
    expect(english(names)).toContain("Ay\uFFFD(e Kaya");
    expect(english(customersOf(ingest).map((row) => row.city))).toContain("Kır\uFFFDehir");
    expect(english(warnings)).toEqual(expected);
    expect(english(count)).toBe(3);
  });

  it("finds the line when the damage sits past the first chunks (both readers)", async () => {
    const clean = Array.from({ length: 4_000 }, (_, n) => `C-${n},Gülşen Işık ${n},İzmir`);
    const bad = Buffer.concat([
      Buffer.from("C-X,Ay"),
      Buffer.from([0xc3, 0x28]),
      Buffer.from("e,Muğla"),
    ]);
    const head = Buffer.from(`customer_id,full_name,city\n${clean.join("\n")}\n`);
    const file = path.join(dir, "deep.csv");
    fs.writeFileSync(file, Buffer.concat([head, bad, Buffer.from("\nC-Y,Can,Bursa\n")]));
    const byLines = await importDamaged(file);
    expect(english(byLines.warnings)).toEqual([
      {
        line_number: 4_002,
        column: "full_name",
        value: "Ay\\xC3(e",
        reason: "invalid UTF-8 bytes \\xC3; shown as �",
      },
    ]);
    // Quotes on every line send the file to the streaming csv-parse reader.
    const quoted = Array.from({ length: 4_000 }, (_, n) => `"C-${n}","Işık ${n}","İzmir"`);
    const quotedHead = Buffer.from(`customer_id,full_name,city\r\n${quoted.join("\r\n")}\r\n`);
    const quotedBad = Buffer.concat([
      Buffer.from('"C-X","Ay'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('e","Muğla"\r\n'),
    ]);
    const streamed = path.join(dir, "deep-quoted.csv");
    fs.writeFileSync(streamed, Buffer.concat([quotedHead, quotedBad]));
    const parsed = await importDamaged(streamed);
    expect(english(parsed.summary.rows_loaded)).toBe(4_001);
    expect(english(parsed.warnings)).toEqual([
      {
        line_number: 4_002,
        column: "full_name",
        value: '"Ay\\xC3(e"',
        reason: "invalid UTF-8 bytes \\xC3; shown as �",
      },
    ]);
  });
});
