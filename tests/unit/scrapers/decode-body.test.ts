import { describe, expect, it } from "vitest";
import {
  charsetFromContentType,
  charsetFromMeta,
  decodeBody,
  mimeTypeOf,
  pickCharset,
} from "#scrapers/fetch/decode-body";

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));

describe("content-type parsing", () => {
  it("extracts the MIME type and charset", () => {
    expect(mimeTypeOf("Text/HTML; charset=UTF-8")).toBe("text/html");
    expect(mimeTypeOf(undefined)).toBe("");
    expect(charsetFromContentType('text/html; charset="Shift_JIS"')).toBe("shift_jis");
    expect(charsetFromContentType("text/html;charset=windows-1252;foo=bar")).toBe("windows-1252");
    expect(charsetFromContentType("text/html")).toBeUndefined();
  });

  it("finds both <meta> charset forms", () => {
    expect(charsetFromMeta(ascii('<html><head><meta charset="ISO-8859-2">'))).toBe("iso-8859-2");
    expect(
      charsetFromMeta(
        ascii('<meta http-equiv="Content-Type" content="text/html; charset=euc-jp">'),
      ),
    ).toBe("euc-jp");
    expect(charsetFromMeta(ascii("<p>charset=koi8-r</p>"))).toBeUndefined();
  });
});

describe("pickCharset", () => {
  const meta = ascii('<meta charset="windows-1251"><p>x</p>');
  it("prefers BOM, then header, then meta (HTML only), then UTF-8", () => {
    expect(pickCharset(bytes(0xef, 0xbb, 0xbf, 0x41), "text/html; charset=shift_jis")).toBe(
      "utf-8",
    );
    expect(pickCharset(meta, "text/html; charset=shift_jis")).toBe("shift_jis");
    expect(pickCharset(meta, "text/html")).toBe("windows-1251");
    expect(pickCharset(meta, "text/plain")).toBe("utf-8");
    expect(pickCharset(ascii("plain"), undefined)).toBe("utf-8");
  });

  it("ignores unknown labels and decodes latin1 labels as windows-1252, like browsers", () => {
    expect(pickCharset(ascii("x"), "text/html; charset=no-such-charset")).toBe("utf-8");
    expect(pickCharset(ascii("x"), "text/html; charset=ISO-8859-1")).toBe("windows-1252");
  });
});

describe("decodeBody", () => {
  it("decodes legacy encodings from hand-written bytes", () => {
    // "café €" in windows-1252: é = 0xE9, € = 0x80 (undefined in strict latin1).
    expect(
      decodeBody(bytes(0x63, 0x61, 0x66, 0xe9, 0x20, 0x80), "text/html; charset=iso-8859-1"),
    ).toBe("café €");
    // 日本 in Shift_JIS is 93 FA 96 7B.
    expect(decodeBody(bytes(0x93, 0xfa, 0x96, 0x7b), "text/plain; charset=Shift_JIS")).toBe("日本");
  });

  it("uses UTF-8 by default and drops a byte-order mark", () => {
    expect(decodeBody(bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa9), undefined)).toBe("é");
    expect(decodeBody(bytes(0xff, 0xfe, 0x41, 0x00), "text/plain")).toBe("A");
  });
});
