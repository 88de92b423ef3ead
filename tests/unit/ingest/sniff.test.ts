import { describe, expect, it } from "vitest";
import { type SniffResult, sniffCsv } from "~/ingest/sniff";
import { english } from "../../helpers/english";
import { fixture } from "./fixtures";

function sniffed(name: string): SniffResult {
  const result = sniffCsv(fixture(name));
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return result;
}

describe("sniffCsv over the fixture corpus", () => {
  // Expected values are read off the generator's source text in make-fixtures.ts.
  const corpus = [
    ["utf8-bom.csv", "utf-8", true, ",", '"', ".", 10, 3],
    ["utf8-no-bom.csv", "utf-8", false, ",", '"', ".", 13, 3],
    ["utf16le-bom.csv", "utf-16le", true, "\t", '"', ".", 10, 3],
    ["utf16be.csv", "utf-16be", false, ",", '"', ".", 4, 3],
    ["windows-1251.csv", "windows-1251", false, ";", '"', ",", 8, 3],
    ["windows-1254.csv", "windows-1254", false, ";", '"', ",", 11, 3],
    ["iso-8859-9.csv", "windows-1254", false, ",", '"', ",", 6, 3],
    ["delimiter-comma.csv", "utf-8", false, ",", '"', ".", 4, 3],
    ["delimiter-semicolon.csv", "utf-8", false, ";", '"', ",", 4, 3],
    ["delimiter-tab.csv", "utf-8", false, "\t", '"', ".", 4, 3],
    ["delimiter-pipe.csv", "utf-8", false, "|", '"', ".", 4, 3],
    ["single-quote.csv", "utf-8", false, ";", "'", ",", 3, 3],
    ["quoted-fields.csv", "utf-8", false, ",", '"', ".", 11, 3],
    ["ragged-rows.csv", "utf-8", false, ",", '"', ".", 4, 5],
    ["empty-lines.csv", "utf-8", false, ";", '"', ",", 3, 3],
    ["trailing-delimiters.csv", "utf-8", false, ",", '"', ".", 3, 3],
    ["header-only.csv", "utf-8", false, ",", '"', ".", 3, 0],
    ["ambiguous-dates.csv", "utf-8", false, ",", '"', ".", 4, 4],
    ["campaigns-daily-tr.csv", "utf-8", false, ";", '"', ",", 9, 3],
    ["channel-audiences.csv", "utf-8", false, ",", '"', ".", 15, 2],
  ] as const;

  it.each(corpus)(
    "%s: %s, bom %s, delimiter %j, quote %s, decimal %s",
    (name, encoding, bom, delimiter, quote, decimalMark, columns, rows) => {
      const result = sniffed(name);
      expect(english(result.settings)).toEqual({ encoding, bom, delimiter, quote, decimalMark });
      expect(english(result.headers)).toHaveLength(columns);
      expect(english(result.rows)).toHaveLength(rows);
    },
  );

  it("decodes each encoding to the original text", () => {
    expect(english(sniffed("utf8-bom.csv").headers[0])).toBe("Müşteri No");
    expect(english(sniffed("utf8-bom.csv").rows[0]?.[1])).toBe("Ayşe Yılmaz");
    expect(english(sniffed("utf16le-bom.csv").headers[0])).toBe("Order ID");
    expect(english(sniffed("utf16be.csv").rows.map((row) => row[1]))).toEqual([
      "Чайник",
      "Kettle",
      "Çaydanlık",
    ]);
    expect(english(sniffed("windows-1251.csv").headers)).toContain("Дата рождения");
    expect(english(sniffed("windows-1251.csv").rows[2]?.[1])).toBe("Пётр Кузнецов");
    expect(english(sniffed("windows-1254.csv").headers[2])).toBe("İşlem Tarihi");
    // 0x80 is "€" only in windows-1254; ISO-8859-9 has a control code there.
    expect(english(sniffed("windows-1254.csv").rows[1]?.[4])).toBe("Hediye Kartı €25");
    expect(english(sniffed("iso-8859-9.csv").rows.map((row) => row[2]))).toEqual([
      "Iğdır",
      "Eskişehir",
      "Kırşehir",
    ]);
  });

  it("keeps quoted delimiters, quoted newlines and doubled quotes inside their field", () => {
    const names = sniffed("quoted-fields.csv").rows.map((row) => row[1]);
    expect(english(names)).toEqual(["Spring Sale, TR", 'Say "Hello" campaign', "Two-line\nname"]);
    expect(english(sniffed("delimiter-comma.csv").rows[1]?.[1])).toBe("Umbrella, large");
    expect(english(sniffed("delimiter-pipe.csv").rows[1]?.[1])).toBe("Umbrella; large");
    expect(english(sniffed("delimiter-tab.csv").rows[0]?.[1])).toBe("Tea glass, small");
    expect(english(sniffed("single-quote.csv").rows[0])).toEqual(["P1", "Tea; glass", "49,90"]);
  });

  it("reads ragged rows and says so", () => {
    const result = sniffed("ragged-rows.csv");
    expect(english(result.rows[1])).toEqual(["P2", "Umbrella", "Accessories"]);
    expect(english(result.rows[2])).toEqual(["P3", "Mirror", "Home", "350.00", "EXTRA"]);
    expect(english(result.warnings.join(" "))).toMatch(
      /1 row\(s\) have fewer fields .* 1 row\(s\) have more/,
    );
  });

  it("skips blank lines and lines of delimiters only", () => {
    expect(english(sniffed("empty-lines.csv").rows.map((row) => row[0]))).toEqual([
      "P1",
      "P2",
      "P3",
    ]);
  });

  it("drops the empty column a trailing delimiter adds", () => {
    const result = sniffed("trailing-delimiters.csv");
    expect(english(result.headers)).toEqual(["code", "name", "price"]);
    expect(english(result.warnings)).toEqual([]);
  });

  it("accepts a header-only file with a warning", () => {
    const result = sniffed("header-only.csv");
    expect(english(result.headers)).toEqual(["customer_id", "name", "email"]);
    expect(english(result.warnings)).toContain("The file has a header row but no data rows.");
  });

  it("names duplicate and empty headers apart", () => {
    const result = sniffCsv(Buffer.from("Name,,Name,City\nAli,x,Veli,Ankara\n"));
    expect(english(result.ok && result.headers)).toEqual(["Name", "column_2", "Name (2)", "City"]);
    expect(english(result.ok && result.warnings.join(" "))).toContain(
      '"Name" appears more than once',
    );
  });

  it("honours the user's overrides over detection", () => {
    const result = sniffCsv(fixture("delimiter-semicolon.csv"), {
      delimiter: ",",
      decimalMark: ".",
    });
    expect(english(result.ok && result.settings.delimiter)).toBe(",");
    expect(english(result.ok && result.settings.decimalMark)).toBe(".");
    expect(english(result.ok && result.headers)).toEqual(["code;name;category;price"]);
  });
});

describe("sniffCsv refuses what is not a CSV", () => {
  it.each([
    ["not-csv.pdf", "binary", "a PDF document"],
    ["not-csv.xlsx", "binary", "an Excel workbook (.xlsx)"],
    ["not-csv.zip", "binary", "a ZIP archive"],
    ["not-csv.png", "binary", "a PNG image"],
    ["not-csv.gz", "binary", "gzip"],
    ["binary-nul.csv", "binary", "NUL bytes"],
    ["empty.csv", "empty", "The file is empty"],
    ["no-header.csv", "no_header", "looks like data, not column names"],
  ])("%s → %s", (name, code, words) => {
    const result = sniffCsv(fixture(name));
    expect(english(result.ok)).toBe(false);
    expect(english(!result.ok && result.code)).toBe(code);
    expect(english(!result.ok && result.message)).toContain(words);
  });

  it("calls a file of blank lines empty", () => {
    const result = sniffCsv(Buffer.from("\r\n\n  \n"));
    expect(english(!result.ok && result.code)).toBe("empty");
  });

  it("calls a file full of control bytes not text", () => {
    const bytes = Buffer.from("id,name\n".repeat(3) + "\x01\x02\x03\x04\x05\x06".repeat(4));
    const result = sniffCsv(bytes);
    expect(english(!result.ok && result.code)).toBe("not_text");
  });
});

describe("sniffCsv on a sample cut from a longer file", () => {
  const header = "id,name,note\n";
  const row = (n: number) => `${n},Name ${n},"a note, with a comma"\n`;

  it("ignores the partial last line", () => {
    const text = `${header}${row(1)}${row(2)}3,Name 3,"a no`;
    const result = sniffCsv(Buffer.from(text), { truncated: true });
    expect(english(result.ok && result.rows.map((r) => r[0]))).toEqual(["1", "2"]);
    expect(english(result.ok && result.warnings)).toEqual([]);
  });

  it("ignores a quoted multi-line field cut by the end of the sample", () => {
    const text = `${header + row(1)}2,Name 2,"first line\nsecond line\nthird`;
    const result = sniffCsv(Buffer.from(text), { truncated: true });
    expect(english(result.ok && result.rows)).toEqual([["1", "Name 1", "a note, with a comma"]]);
    expect(english(result.ok && result.warnings)).toEqual([]);
  });

  it("drops a UTF-8 character cut in half at the end", () => {
    const bytes = Buffer.from(`${header}1,Ayşe,x\n2,Ş`);
    const cut = bytes.subarray(0, bytes.length - 1); // half of "Ş"
    const result = sniffCsv(cut, { truncated: true });
    expect(english(result.ok && result.settings.encoding)).toBe("utf-8");
    expect(english(result.ok && result.rows)).toEqual([["1", "Ayşe", "x"]]);
  });

  it("treats a full-size sample as truncated by default", () => {
    let text = header;
    for (let n = 1; text.length < 70_000; n += 1) text += row(n);
    const sample = Buffer.from(text).subarray(0, 64 * 1024);
    const result = sniffCsv(sample);
    const last = result.ok ? result.rows.at(-1) : undefined;
    expect(english(last?.[2])).toBe("a note, with a comma");
    expect(english(result.ok && result.warnings)).toEqual([]);
  });

  it("reports a broken quote in a complete file", () => {
    const result = sniffCsv(Buffer.from('id,name\n1,"unclosed\n'), { truncated: false });
    expect(result.ok && english(result.warnings).join(" ")).toContain(
      "could not be read to the end",
    );
  });
});
