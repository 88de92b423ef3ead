import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { createDecodeStream, decodeBuffer, withoutCutCharacter } from "~/ingest/decode";
import { detectEncoding, utf16ByNulPattern } from "~/ingest/encoding";
import { russianScore, turkishScore } from "~/ingest/language-scores";

const russian = "Фамилия;Город\nИванов;Москва\nСмирнова;Казань\nКузнецов;Новосибирск\n";
const turkish = "Ad;Şehir\nAyşe Yılmaz;İstanbul\nÇağrı Öztürk;Eskişehir\nGülşen Işık;Muğla\n";
const german = "Name;Stadt\nJürgen Müller;München\nRené Größ;Köln\n";

describe("detectEncoding", () => {
  it.each([
    ["Russian in windows-1251", russian, "windows-1251"],
    ["Russian in KOI8-R", russian, "koi8-r"],
    ["Turkish in windows-1254", turkish, "windows-1254"],
    // Identical bytes to windows-1254 for these letters; read as the superset.
    ["Turkish in ISO-8859-9", turkish, "iso-8859-9"],
    ["German in windows-1252", german, "windows-1252"],
  ] as const)("%s", (_label, text, encoding) => {
    const bytes = iconv.encode(text, encoding);
    const guess = detectEncoding(bytes);
    const expected = encoding === "iso-8859-9" ? "windows-1254" : encoding;
    expect(guess.encoding).toBe(expected);
    expect(decodeBuffer(bytes, guess.encoding)).toBe(text);
  });

  it("prefers UTF-8 whenever the bytes are valid UTF-8", () => {
    expect(detectEncoding(Buffer.from(turkish)).encoding).toBe("utf-8");
    expect(detectEncoding(Buffer.from(russian)).encoding).toBe("utf-8");
  });

  it("finds UTF-16 without a BOM from its NUL bytes, either byte order", () => {
    const text = "id,name\n1,Ali\n2,Веля\n";
    expect(detectEncoding(iconv.encode(text, "utf-16le")).encoding).toBe("utf-16le");
    expect(detectEncoding(iconv.encode(text, "utf-16be")).encoding).toBe("utf-16be");
    expect(utf16ByNulPattern(Buffer.from("plain ascii"))).toBeNull();
  });

  it("reports a byte order mark", () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toMatchObject({
      encoding: "utf-8",
      bom: true,
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toMatchObject({
      encoding: "utf-16le",
      bom: true,
    });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]))).toMatchObject({
      encoding: "utf-16be",
      bom: true,
    });
  });
});

describe("language scores", () => {
  it("scores Russian high only under the right code page", () => {
    const bytes = iconv.encode(russian, "windows-1251");
    expect(russianScore(iconv.decode(bytes, "windows-1251"))).toBeGreaterThan(0.8);
    // KOI8-R bytes read as 1251 stay Cyrillic but with rare letters.
    const koi = iconv.encode(russian, "koi8-r");
    expect(russianScore(iconv.decode(koi, "windows-1251"))).toBeLessThan(
      russianScore(iconv.decode(koi, "koi8-r")),
    );
  });

  it("scores Turkish read as 1251 low (its words mix Latin and Cyrillic)", () => {
    const bytes = iconv.encode(turkish, "windows-1254");
    expect(russianScore(iconv.decode(bytes, "windows-1251"))).toBe(0);
    expect(turkishScore(iconv.decode(bytes, "windows-1254"))).toEqual({
      share: 1,
      turkishOnly: 11,
    });
  });
});

describe("decoding", () => {
  it("drops a character cut at the end of a sample", () => {
    const bytes = Buffer.from("aş");
    expect(withoutCutCharacter(bytes.subarray(0, 2), "utf-8")).toHaveLength(1);
    expect(withoutCutCharacter(bytes, "utf-8")).toHaveLength(3);
    expect(withoutCutCharacter(Buffer.from([0x61, 0, 0x62]), "utf-16le")).toHaveLength(2);
    expect(decodeBuffer(Buffer.from("€x").subarray(0, 2), "utf-8", { truncated: true })).toBe("");
  });

  it("streams: joins characters split across chunks and strips the BOM", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("müşteri;şehir\n")]);
    // One byte per chunk splits the BOM and every two-byte letter.
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    let text = "";
    for await (const part of Readable.from(chunks).pipe(createDecodeStream("utf-8"))) text += part;
    expect(text).toBe("müşteri;şehir\n");
  });

  it("streams UTF-16LE with its BOM removed", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("a;b\n", "utf-16le")]);
    let text = "";
    for await (const part of Readable.from([bytes.subarray(0, 3), bytes.subarray(3)]).pipe(
      createDecodeStream("utf-16le"),
    )) {
      text += part;
    }
    expect(text).toBe("a;b\n");
  });
});
