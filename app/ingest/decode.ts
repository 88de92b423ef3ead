/**
 * Bytes to text with iconv-lite: a whole sample at once, or a stream for the loader. The
 * byte order mark is always dropped, so the first header never starts with U+FEFF.
 */
import iconv from "iconv-lite";
import { type TextEncoding, textEncodings } from "./encodings";

export { type TextEncoding, textEncodings };

export function isTextEncoding(name: string): name is TextEncoding {
  return (textEncodings as readonly string[]).includes(name);
}

/** Length of a UTF-8 sequence from its lead byte (0 for a continuation byte). */
function utf8SequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xf0) return 4;
  if (byte >= 0xe0) return 3;
  if (byte >= 0xc0) return 2;
  return 0;
}

/**
 * Drops a character cut in half at the end of a sample (a sample is the first N bytes of
 * a file, and N rarely falls between characters).
 */
export function withoutCutCharacter(sample: Uint8Array, encoding: TextEncoding): Uint8Array {
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    return sample.length % 2 === 0 ? sample : sample.subarray(0, sample.length - 1);
  }
  if (encoding !== "utf-8") return sample;
  for (let back = 1; back <= Math.min(3, sample.length); back += 1) {
    const length = utf8SequenceLength(sample[sample.length - back] ?? 0);
    if (length === 0) continue;
    return length > back ? sample.subarray(0, sample.length - back) : sample;
  }
  return sample;
}

/** Decodes a whole buffer; `truncated` says the buffer is only the head of a file. */
export function decodeBuffer(
  bytes: Uint8Array,
  encoding: TextEncoding,
  options: { truncated?: boolean } = {},
): string {
  const complete = options.truncated ? withoutCutCharacter(bytes, encoding) : bytes;
  return iconv.decode(Buffer.from(complete), encoding, { stripBOM: true });
}

/**
 * A Transform stream (Buffer in, string out) for the loader: characters split across
 * chunks are joined and the BOM is stripped.
 */
export function createDecodeStream(encoding: TextEncoding): NodeJS.ReadWriteStream {
  return iconv.decodeStream(encoding, { stripBOM: true });
}
