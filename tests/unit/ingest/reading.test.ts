/** Quote sniffing, the "almost all UTF-8" rule and the finder of invalid bytes (issue 9.5). */
import fs from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectDialect } from "~/ingest/dialect";
import { detectEncoding } from "~/ingest/encoding";
import { createInvalidUtf8Finder, scanUtf8, showInvalidBytes } from "~/ingest/invalid-utf8";
import { english } from "../../helpers/english";
import { fixture } from "../../integration/ingest/support";

const read = (name: string) => fs.readFileSync(fixture(`csv/${name}`));

describe("quote sniffing", () => {
  it("prefers the reading whose records have the header's width", () => {
    const rows = Array.from({ length: 30 }, (_, n) => `C-${n},N ${n},"a\nb\nc"`);
    const text = `id,name,note\n${rows.join("\n")}\n`;
    expect(english(detectDialect(text))).toMatchObject({
      delimiter: ",",
      quote: '"',
      headerWidthShare: 1,
    });
  });

  it("keeps ' for a file quoted with it, and \" where names hold apostrophes", () => {
    expect(english(detectDialect(read("single-quote.csv").toString()))).toMatchObject({
      quote: "'",
    });
    for (const name of ["apostrophes.csv", "quoted-newlines-crlf.csv", "quoted-newlines-lf.csv"]) {
      expect(english(detectDialect(read(name).toString())), name).toMatchObject({ quote: '"' });
    }
  });
});

describe("the encoding of a sample with a few invalid bytes", () => {
  it("is UTF-8, naming the bytes and lines", () => {
    expect(english(detectEncoding(read("utf8-invalid-bytes.csv")))).toEqual({
      encoding: "utf-8",
      bom: false,
      reason: "UTF-8 except 3 invalid bytes on lines 7, 12 (reported per line when imported).",
    });
  });

  it("stays single-byte for legacy files, whose non-ASCII bytes are almost never UTF-8", () => {
    expect(english(detectEncoding(read("windows-1254.csv")).encoding)).toBe("windows-1254");
    expect(english(detectEncoding(read("windows-1251.csv")).encoding)).toBe("windows-1251");
    // A UTF-8 file with a pasted windows-1254 half: more damage than the 95 % bar allows.
    const half = Buffer.concat([
      Buffer.from("ad\nÇağla\nŞükrü\n"),
      iconv.encode("Çağla Şişli Öğüt Işık\n".repeat(3), "windows-1254"),
    ]);
    expect(english(detectEncoding(half).encoding)).not.toBe("utf-8");
  });
});

describe("scanUtf8 and showInvalidBytes", () => {
  it("count valid sequences and show invalid stretches as \\xNN", () => {
    const bytes = Buffer.concat([
      Buffer.from("ş"),
      Buffer.from([0xc3, 0x28, 0xe2, 0x82, 0x41, 0xff]),
      Buffer.from("₺"),
    ]);
    expect(english(scanUtf8(bytes))).toEqual({
      valid: 2,
      invalid: [
        { start: 2, end: 3 },
        { start: 4, end: 6 },
        { start: 7, end: 8 },
      ],
    });
    expect(english(showInvalidBytes(bytes))).toBe("ş\\xC3(\\xE2\\x82A\\xFF₺");
  });
});

describe("createInvalidUtf8Finder", () => {
  const file = Buffer.concat([
    Buffer.from('id,name,city\r\n1,"Ay\nşe",İz\rmir\r\n2,Ka'),
    Buffer.from([0xfe]),
    Buffer.from('ya,Muğla\n3,"x,'),
    Buffer.from([0xc3]),
    Buffer.from('",'),
    Buffer.from([0xe2, 0x82]),
    Buffer.from("\r\n4,ok,Ş"),
    Buffer.from([0xc5]),
  ]);

  function findIn(chunks: Buffer[]) {
    const finder = createInvalidUtf8Finder({ delimiter: ",", quote: '"' });
    for (const chunk of chunks) finder.check(chunk);
    finder.end();
    return finder.take();
  }

  it("finds each damaged cell's line and field", () => {
    expect(english(findIn([file]))).toEqual([
      { line: 5, bytes: "\\xFE", fieldIndex: 1, shown: "Ka\\xFEya" },
      { line: 6, bytes: "\\xC3", fieldIndex: 1, shown: '"x,\\xC3"' },
      { line: 6, bytes: "\\xE2\\x82", fieldIndex: 2, shown: "\\xE2\\x82" },
      { line: 7, bytes: "\\xC5", fieldIndex: 2, shown: "Ş\\xC5" },
    ]);
  });

  it("finds the same lines, bytes and fields however the file is cut into chunks", () => {
    // The shown value ends where the chunk does when its line runs on into the next one.
    const where = (found: ReturnType<typeof findIn>) =>
      found.map(({ line, bytes, fieldIndex }) => ({ line, bytes, fieldIndex }));
    const whole = findIn([file]);
    for (let cut = 1; cut < file.length; cut++) {
      const found = findIn([file.subarray(0, cut), file.subarray(cut)]);
      expect(english(where(found)), `cut at ${cut}`).toEqual(where(whole));
      for (const [index, one] of found.entries()) {
        expect(english(whole[index]?.shown.startsWith(one.shown))).toBe(true);
      }
    }
    const bytes = Array.from(file, (_, at) => file.subarray(at, at + 1));
    expect(english(where(findIn(bytes)))).toEqual(where(whole));
  });
});
