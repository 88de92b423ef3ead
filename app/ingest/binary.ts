/**
 * Recognises uploads that are not text at all (a workbook, a PDF, a picture) from their
 * first bytes, so the user hears "this is an Excel workbook" rather than "bad CSV".
 */
import { message } from "~/i18n/message-code";
import { type IngestProblem, problem } from "./problems";

interface Signature {
  bytes: readonly number[];
  /** The format's name, a key under messages:ingest.file.formats. */
  name: string;
  /** What to do instead, a key under messages:ingest.file.hints. */
  hint?: string;
}

const SAVE_AS_CSV = "saveAsCsv";

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: "pdf" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: "xls", hint: SAVE_AS_CSV },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: "png" },
  { bytes: [0xff, 0xd8, 0xff], name: "jpeg" },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: "gif" },
  { bytes: [0x1f, 0x8b], name: "gzip", hint: "gunzip" },
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
    return { bytes: ZIP_LOCAL_HEADER, name: "xlsx", hint: SAVE_AS_CSV };
  }
  return { bytes: ZIP_LOCAL_HEADER, name: "zip", hint: "unzip" };
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
  const format = `messages:ingest.file.formats.${known.name}`;
  return problem(
    "binary",
    known.hint
      ? message("messages:ingest.file.binaryHint", {
          format,
          hint: `messages:ingest.file.hints.${known.hint}`,
        })
      : message("messages:ingest.file.binary", { format }),
  );
}

/**
 * A problem when the sample holds bytes text never has. Call it only after ruling out
 * UTF-16, whose ASCII letters come with NUL bytes.
 */
export function detectBinary(sample: Uint8Array): IngestProblem | null {
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) {
      return problem("binary", message("messages:ingest.file.nulBytes"));
    }
    if (isControl(byte)) controls += 1;
  }
  if (sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE) {
    return problem("not_text", message("messages:ingest.file.notText"));
  }
  return null;
}
