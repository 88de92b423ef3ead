/**
 * Uploads may come compressed: a gzip file, or a ZIP archive holding exactly one CSV file.
 * Either is unpacked as a stream into the stored file, with the same size limit applied to
 * the unpacked bytes (a small archive can hold a huge file).
 */
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import yauzl from "yauzl";
import { message } from "~/analytics/message-code";
import { detectKnownFormat } from "./binary";

/** An upload refused; its message is a message code (the page words it, the CLI in English). */
export class UploadError extends Error {
  override name = "UploadError";
}

/** A size as a message code: "100 bytes", "2 GB", "1,5 MB" in the reader's language. */
export function formatBytes(bytes: number): string {
  const units = ["KB", "MB", "GB", "TB"] as const;
  if (bytes < 1024) return message("messages:ingest.upload.size.bytes", { count: bytes });
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Number.isInteger(value) ? value : Math.round(value * 10) / 10;
  return message(`messages:ingest.upload.size.${units[unit]}`, { value: rounded });
}

/** yauzl's own reason stays as it is (a library's English), inside the worded message. */
function zipUnreadable(error: Error): UploadError {
  return new UploadError(message("messages:ingest.upload.zipUnreadable", { error: error.message }));
}

/** Passes bytes through, failing once more than `maxBytes` have gone by. */
export function limitBytes(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen <= maxBytes) callback(null, chunk);
      else
        callback(
          new UploadError(
            message("messages:ingest.upload.tooLarge", { size: formatBytes(maxBytes) }),
          ),
        );
    },
  });
}

const GZIP = [0x1f, 0x8b];
const ZIP = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];
const CSV_NAME = /\.(csv|tsv|txt)$/i;

function startsWith(head: Buffer, magic: readonly number[]): boolean {
  return magic.every((byte, index) => head[index] === byte);
}

/** The first `bytes` bytes of a file (fewer when the file is shorter). */
export async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(zipUnreadable(error)) : resolve(zip),
    );
  });
}

/**
 * An export holds one CSV, perhaps with a few extras (a readme, __MACOSX); a list of
 * entries is kept in memory, so an archive of millions of tiny entries is refused unread.
 */
export const MAX_ZIP_ENTRIES = 1000;

function entriesOf(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    return Promise.reject(
      new UploadError(
        message("messages:ingest.upload.zipTooManyEntries", {
          entries: zip.entryCount,
          max: MAX_ZIP_ENTRIES,
        }),
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", (error: Error) => reject(zipUnreadable(error)));
    zip.readEntry();
  });
}

/** Folders, macOS resource forks and hidden files are not the user's data. */
function isCsvEntry(entry: yauzl.Entry): boolean {
  const name = entry.fileName;
  return (
    !name.endsWith("/") &&
    !name.startsWith("__MACOSX/") &&
    !path.posix.basename(name).startsWith(".") &&
    CSV_NAME.test(name)
  );
}

async function unzipSingleCsv(archive: string, target: string, maxBytes: number): Promise<string> {
  const zip = await openZip(archive);
  try {
    const csvs = (await entriesOf(zip)).filter(isCsvEntry);
    const [only] = csvs;
    if (!only) throw new UploadError(message("messages:ingest.upload.zipNoCsv"));
    if (csvs.length > 1) {
      const names = csvs.map((entry) => entry.fileName).join(", ");
      throw new UploadError(
        message("messages:ingest.upload.zipManyCsv", { count: csvs.length, names }),
      );
    }
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
      zip.openReadStream(only, (error, opened) => (error ? reject(error) : resolve(opened)));
    });
    await pipeline(stream, limitBytes(maxBytes), fs.createWriteStream(target));
    return path.posix.basename(only.fileName);
  } finally {
    zip.close();
  }
}

/**
 * Moves the received file to `target`, unpacking it when it is gzip or ZIP. Returns the
 * name of the CSV file itself ("sales.csv.gz" → "sales.csv", the entry's name in a ZIP).
 */
export async function unpackUpload(
  received: string,
  target: string,
  fileName: string,
  maxBytes: number,
): Promise<string> {
  const head = await readHead(received, 4096);
  if (startsWith(head, GZIP)) {
    await pipeline(
      fs.createReadStream(received),
      createGunzip(),
      limitBytes(maxBytes),
      fs.createWriteStream(target),
    );
    return fileName.replace(/\.(gz|gzip)$/i, "") || "upload.csv";
  }
  if (ZIP.some((magic) => startsWith(head, magic))) {
    // A workbook is a ZIP too; say so instead of "no CSV in the archive".
    const known = detectKnownFormat(head);
    if (known && !known.message.includes("formats.zip")) throw new UploadError(known.message);
    return unzipSingleCsv(received, target, maxBytes);
  }
  await fs.promises.rename(received, target);
  return fileName;
}
