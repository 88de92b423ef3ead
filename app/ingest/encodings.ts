/**
 * Encodings the sniffer can report; all are iconv-lite names. Kept apart from decode.ts
 * (which loads iconv-lite) so the upload page can offer the same list in the browser.
 */
export const textEncodings = [
  "utf-8",
  "utf-16le",
  "utf-16be",
  "windows-1251",
  "koi8-r",
  "windows-1254",
  "windows-1252",
] as const;
export type TextEncoding = (typeof textEncodings)[number];
