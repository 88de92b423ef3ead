import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { BOM, csvCell, csvLine, csvLines, csvStream, neutralise } from "~/customers/csv";

describe("spreadsheet formula injection", () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+90 532", "'+90 532"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
  ])("prefixes text starting with %j", (text, expected) => {
    expect(neutralise(text)).toBe(expected);
  });

  it("leaves an E.164 phone number alone (digits only, no formula possible) but not +1+1", () => {
    expect(neutralise("+905321234567")).toBe("+905321234567");
    expect(neutralise("+1+1")).toBe("'+1+1");
    expect(neutralise("+90532A")).toBe("'+90532A");
  });

  it("leaves other text alone, including a trigger character later in the text", () => {
    expect(neutralise("Ali = Veli")).toBe("Ali = Veli");
    expect(neutralise(" =1")).toBe(" =1");
    expect(neutralise("")).toBe("");
  });

  it("writes numbers as numbers, negative ones too, and text that looks negative as text", () => {
    expect(csvCell(-25.5)).toBe("-25.5");
    expect(csvCell(0)).toBe("0");
    // Binary noise from summing amounts is not written; real digits are.
    expect(csvCell(0.1 + 0.2)).toBe("0.3");
    expect(csvCell(153432.18999999997)).toBe("153432.19");
    expect(csvCell(0.13917612207255045)).toBe("0.13917612207255");
    expect(csvCell(1234567.891)).toBe("1234567.891");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell("-25.5")).toBe("'-25.5");
  });
});

describe("csv cells and lines", () => {
  it("quotes delimiters, quotes and line breaks, and doubles inner quotes", () => {
    expect(csvLine(["a,b", 'say "hi"', "two\nlines", "plain", null, true, false])).toBe(
      '"a,b","say ""hi""","two\nlines",plain,,true,false\r\n',
    );
  });

  it("quotes a neutralised carriage return so the cell survives parsing", () => {
    expect(csvCell("\rcmd")).toBe('"\'\rcmd"');
  });

  it("writes dates in ISO form", () => {
    expect(csvCell(new Date("2024-04-01T10:00:00Z"))).toBe("2024-04-01T10:00:00.000Z");
  });

  it("round-trips through a CSV parser, with the byte-order mark first", () => {
    const rows = [
      ["=1+1", "x,y", -3, 'Çağrı "Ç"'],
      ["@a", "\tb", 4.5, null],
    ] as const;
    const text = [...csvLines(["f1", "f2", "n", "t"], rows, (r) => r)].join("");
    expect(text.startsWith(`${BOM}f1,f2,n,t\r\n`)).toBe(true);
    expect(parse(text, { bom: true })).toEqual([
      ["f1", "f2", "n", "t"],
      ["'=1+1", "x,y", "-3", 'Çağrı "Ç"'],
      ["'@a", "'\tb", "4.5", ""],
    ]);
  });

  it("streams the lines as UTF-8 bytes starting with EF BB BF", async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => csvLine([`row ${i}`, "ğüşöç"]));
    const bytes = new Uint8Array(await new Response(csvStream([BOM, ...lines])).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(lines.join(""));
  });
});
