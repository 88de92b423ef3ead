/**
 * Recognises uploads that are not text at all (a workbook, a PDF, a picture) from their
 * first bytes, so the user hears "this is an Excel workbook" rather than "bad CSV".
 */
import { type IngestProblem, problem } from "./problems";

interface Signature {
  bytes: readonly number[];
  name: string;
  hint?: string;
}

const SAVE_AS_CSV = "Open it in a spreadsheet and save it as CSV (UTF-8), then upload that file.";

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: "a PDF document" },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    name: "an Excel 97–2003 workbook (.xls)",
    hint: SAVE_AS_CSV,
  },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], name: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: "a GIF image" },
  {
    bytes: [0x1f, 0x8b],
    name: "a gzip-compressed file",
    hint: "Decompress it and upload the CSV.",
  },
];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

function startsWith(sample: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((byte, index) => sample[index] === byte);
}

/** A workbook is a ZIP whose first entries are named "[Content_Types].xml", "xl/..." etc. */
function describeZip(sample: Uint8Array): Signature {
  const head = Buffer.from(sample.subarray(0, 4096)).toString("latin1");
  if (head.includes("xl/") || head.includes("[Content_Types].xml")) {
    return { bytes: ZIP_LOCAL_HEADER, name: "an Excel workbook (.xlsx)", hint: SAVE_AS_CSV };
  }
  return { bytes: ZIP_LOCAL_HEADER, name: "a ZIP archive", hint: "Unpack it and upload the CSV." };
}

function knownBinary(sample: Uint8Array): Signature | undefined {
  if (startsWith(sample, ZIP_LOCAL_HEADER) || startsWith(sample, ZIP_EMPTY)) {
    return describeZip(sample);
  }
  return SIGNATURES.find((signature) => startsWith(sample, signature.bytes));
}

/** Control bytes that never appear in text (everything below space except tab, CR, LF, FF). */
function isControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c;
}

const MAX_CONTROL_SHARE = 0.01;

/** A problem when the sample starts like a known binary format (workbook, PDF, image...). */
export function detectKnownFormat(sample: Uint8Array): IngestProblem | null {
  const known = knownBinary(sample);
  if (!known) return null;
  const hint = known.hint ? ` ${known.hint}` : "";
  return problem("binary", `This file is ${known.name}, not a CSV file.${hint}`);
}

/**
 * A problem when the sample holds bytes text never has. Call it only after ruling out
 * UTF-16, whose ASCII letters come with NUL bytes.
 */
export function detectBinary(sample: Uint8Array): IngestProblem | null {
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) {
      return problem(
        "binary",
        "This file contains binary data (NUL bytes), so it is not a CSV text file.",
      );
    }
    if (isControl(byte)) controls += 1;
  }
  if (sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE) {
    return problem("not_text", "This file does not look like text, so it cannot be read as CSV.");
  }
  return null;
}
