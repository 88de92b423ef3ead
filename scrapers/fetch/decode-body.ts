/**
 * Turn response bytes into text using the charset the page declares. Pure.
 *
 * Why: many of the sites we read still serve windows-1252, Shift_JIS or similar, and
 * decoding them as UTF-8 silently garbles names and numbers. The order follows the HTML
 * standard's sniffing, simplified: a byte-order mark wins, then the Content-Type header's
 * charset, then a <meta> charset in the first 1024 bytes (HTML only), then UTF-8.
 * iconv-lite does the decoding because TextDecoder in Node lacks many legacy encodings
 * without full ICU.
 */
import iconv from "iconv-lite";

/** Labels that browsers decode as windows-1252 (WHATWG Encoding), unlike iconv's strict latin1. */
const WINDOWS_1252_ALIASES = new Set([
  "iso-8859-1",
  "iso8859-1",
  "latin1",
  "l1",
  "ascii",
  "us-ascii",
]);

export function mimeTypeOf(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? "");
  const label = (match?.[1] ?? match?.[2])?.trim();
  return label ? label.toLowerCase() : undefined;
}

/** `<meta charset="x">` or `<meta http-equiv="Content-Type" content="...; charset=x">`. */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:+-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

function charsetFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return undefined;
}

function usable(label: string | undefined): string | undefined {
  if (!label) return undefined;
  if (WINDOWS_1252_ALIASES.has(label)) return "windows-1252";
  return iconv.encodingExists(label) ? label : undefined;
}

export function pickCharset(bytes: Uint8Array, contentType: string | undefined): string {
  const bom = charsetFromBom(bytes);
  if (bom) return bom;
  const declared = usable(charsetFromContentType(contentType));
  if (declared) return declared;
  const mime = mimeTypeOf(contentType);
  if (mime === "text/html" || mime === "application/xhtml+xml") {
    const meta = charsetFromMeta(bytes);
    // A page cannot be UTF-16 if an ASCII <meta> was readable in it (HTML standard).
    const fromMeta = meta?.startsWith("utf-16") ? "utf-8" : usable(meta);
    if (fromMeta) return fromMeta;
  }
  return "utf-8";
}

/** Decoded text; a leading byte-order mark is dropped. */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): string {
  return iconv.decode(Buffer.from(bytes), pickCharset(bytes, contentType), { stripBOM: true });
}
