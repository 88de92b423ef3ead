/**
 * The text encoding of a sample. Order of evidence: byte order mark, the NUL pattern of
 * UTF-16, UTF-8 validity of the whole sample (valid, or almost: see utf8Guess), then for
 * single-byte files our own language scores
 * (Russian → windows-1251 / KOI8-R, Turkish → windows-1254), then chardet.
 *
 * ISO-8859-9 and windows-1254 decode every byte identically except 0x80–0x9F, where
 * ISO-8859-9 has control codes no text file contains and windows-1254 has €, “ ” and the
 * like. So a Turkish file is always read as windows-1254: it decodes an ISO-8859-9 file
 * exactly, and is right too when a "€" turns up after the sample. The same holds for
 * ISO-8859-1 and windows-1252.
 */

import chardet from "chardet";
import iconv from "iconv-lite";
import { message } from "~/i18n/message-code";
import { isTextEncoding, type TextEncoding, withoutCutCharacter } from "./decode";
import { linesOfOffsets, scanUtf8 } from "./invalid-utf8";
import { russianScore, turkishScore } from "./language-scores";

export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
  /** Why, in a sentence, for the upload screen and the logs. */
  reason: string;
}

const MIN_RUSSIAN_SCORE = 0.5;
const MIN_TURKISH_SHARE = 0.6;
/** UTF-16 text that is mostly ASCII has a NUL in every other byte. */
const MIN_NUL_SHARE = 0.2;
const NUL_PROBE_BYTES = 4096;

/** The encoding a byte order mark at the start of the sample announces. */
export function bomOf(sample: Uint8Array): TextEncoding | null {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf-8";
  if (sample[0] === 0xff && sample[1] === 0xfe) return "utf-16le";
  if (sample[0] === 0xfe && sample[1] === 0xff) return "utf-16be";
  return null;
}

/** UTF-16 without a BOM, told by where the NUL high bytes of ASCII characters sit. */
export function utf16ByNulPattern(sample: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(Math.min(sample.length, NUL_PROBE_BYTES) / 2);
  if (pairs === 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let pair = 0; pair < pairs; pair += 1) {
    if (sample[2 * pair] === 0) evenNul += 1;
    if (sample[2 * pair + 1] === 0) oddNul += 1;
  }
  if (oddNul / pairs >= MIN_NUL_SHARE && evenNul / pairs < MIN_NUL_SHARE / 4) return "utf-16le";
  if (evenNul / pairs >= MIN_NUL_SHARE && oddNul / pairs < MIN_NUL_SHARE / 4) return "utf-16be";
  return null;
}

/**
 * "Almost all valid UTF-8": at least MIN_VALID_UTF8_SEQUENCES valid multi-byte sequences,
 * and at least MIN_VALID_UTF8_SHARE of the sample's non-ASCII sequences valid. Text in a
 * single-byte code page practically never forms valid UTF-8 by chance (a Turkish "Ş" or
 * "Ö" would have to be followed by a byte of 0x80–0xBF, which are punctuation there), so
 * its share is near 0; a UTF-8 export with a few damaged bytes is near 1. The bar is 95 %
 * rather than 99.9 % so that a short file (a few dozen letters, two bad bytes) is still
 * read as UTF-8, with each damaged line reported (decision 013).
 */
export const MIN_VALID_UTF8_SHARE = 0.95;
export const MIN_VALID_UTF8_SEQUENCES = 8;

/** Lines listed in the reason, at most. */
const MAX_LINES_NAMED = 5;

/** UTF-8 when the sample is valid throughout or almost so (see MIN_VALID_UTF8_SHARE). */
function utf8Guess(sample: Uint8Array): EncodingGuess | null {
  const bytes = withoutCutCharacter(sample, "utf-8");
  const { valid, invalid } = scanUtf8(bytes);
  if (invalid.length === 0) {
    return { encoding: "utf-8", bom: false, reason: message("messages:ingest.encoding.validUtf8") };
  }
  if (valid < MIN_VALID_UTF8_SEQUENCES || valid / (valid + invalid.length) < MIN_VALID_UTF8_SHARE)
    return null;
  const badBytes = invalid.reduce((sum, range) => sum + range.end - range.start, 0);
  const lines = [
    ...new Set(
      linesOfOffsets(
        bytes,
        invalid.map((range) => range.start),
      ),
    ),
  ];
  const named = lines.slice(0, MAX_LINES_NAMED).join(", ");
  const more = lines.length - MAX_LINES_NAMED;
  const where =
    more > 0
      ? message("messages:ingest.encoding.linesMore", { lines: named, more })
      : message(`messages:ingest.encoding.${lines.length === 1 ? "line" : "lines"}`, {
          lines: named,
        });
  return {
    encoding: "utf-8",
    bom: false,
    reason: message("messages:ingest.encoding.utf8Except", { count: badBytes, lines: where }),
  };
}

/** chardet's names for what iconv-lite reads better as a superset. */
const SUPERSETS: Record<string, TextEncoding> = {
  "ISO-8859-1": "windows-1252",
  "ISO-8859-9": "windows-1254",
  "ISO-8859-5": "windows-1251",
};

function chardetGuess(sample: Uint8Array): TextEncoding | null {
  for (const match of chardet.analyse(sample)) {
    const name = SUPERSETS[match.name] ?? match.name.toLowerCase();
    if (isTextEncoding(name) && name !== "utf-8") return name;
  }
  return null;
}

function singleByteGuess(sample: Uint8Array): EncodingGuess {
  const bytes = Buffer.from(sample);
  const russian1251 = russianScore(iconv.decode(bytes, "windows-1251"));
  const russianKoi8 = russianScore(iconv.decode(bytes, "koi8-r"));
  if (Math.max(russian1251, russianKoi8) >= MIN_RUSSIAN_SCORE) {
    const encoding = russian1251 >= russianKoi8 ? "windows-1251" : "koi8-r";
    return {
      encoding,
      bom: false,
      reason: message("messages:ingest.encoding.russian", { encoding }),
    };
  }
  const turkish = turkishScore(iconv.decode(bytes, "windows-1254"));
  if (turkish.share >= MIN_TURKISH_SHARE && turkish.turkishOnly > 0) {
    return {
      encoding: "windows-1254",
      bom: false,
      reason: message("messages:ingest.encoding.turkish"),
    };
  }
  const guessed = chardetGuess(sample);
  return guessed
    ? {
        encoding: guessed,
        bom: false,
        reason: message("messages:ingest.encoding.statistics", { encoding: guessed }),
      }
    : {
        encoding: "windows-1252",
        bom: false,
        reason: message("messages:ingest.encoding.western"),
      };
}

export function detectEncoding(sample: Uint8Array): EncodingGuess {
  const bom = bomOf(sample);
  if (bom)
    return {
      encoding: bom,
      bom: true,
      reason: message("messages:ingest.encoding.bom", { encoding: bom }),
    };
  const utf16 = utf16ByNulPattern(sample);
  if (utf16)
    return {
      encoding: utf16,
      bom: false,
      reason: message("messages:ingest.encoding.nulPattern", { encoding: utf16 }),
    };
  return utf8Guess(sample) ?? singleByteGuess(sample);
}
