/**
 * Receiving an upload: the bytes are streamed to DATA_DIR/uploads/<workspace>/<random>
 * (never held in memory whole, never under a name the user chose), unpacked when they are
 * gzip or ZIP, and recorded as a dataset with status "uploaded".
 *
 * While it is received and unpacked, a file is named `<random>.<pid>.part` (`.unpacked.part`
 * for what is unpacked), with the id of the process writing it. A process killed meanwhile
 * leaves such files behind; removeAbandonedUploads deletes those whose process is gone.
 * The dataset row is written before the unpacked file gets its final name, so a file under
 * a final name always has a dataset (which an erasure scans and a deletion removes).
 * Process ids are of this machine: DATA_DIR is not shared between machines (nor is the
 * SQLite file).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { datasets } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { message } from "~/analytics/message-code";
import { env } from "~/env.server";
import { limitBytes, readHead, UploadError, unpackUpload } from "./archive.server";
import type { DatasetKind } from "./kinds";
import { SAMPLE_BYTES } from "./sniff";

export { UploadError } from "./archive.server";

export type Dataset = typeof datasets.$inferSelect;

const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

/** UPLOAD_MAX_BYTES, or 2 GB. */
export function uploadMaxBytes(): number {
  const configured = z.coerce
    .number()
    .int()
    .positive()
    .safeParse(process.env.UPLOAD_MAX_BYTES || undefined);
  return configured.success ? configured.data : DEFAULT_MAX_BYTES;
}

export function uploadDir(workspaceId: number): string {
  return path.resolve(env().DATA_DIR, "uploads", String(workspaceId));
}

export interface UploadInput {
  /** The name the user's file had; shown in lists, never used as a path. */
  fileName: string;
  stream: ReadableStream<Uint8Array> | NodeJS.ReadableStream;
  uploadedBy: number | null;
  kind: DatasetKind;
  /** Default: uploadMaxBytes(). */
  maxBytes?: number;
}

function toNodeStream(stream: UploadInput["stream"]): NodeJS.ReadableStream {
  return "getReader" in stream
    ? Readable.fromWeb(stream as unknown as WebReadableStream<Uint8Array>)
    : stream;
}

export async function storeUpload(scope: WorkspaceScope, input: UploadInput): Promise<Dataset> {
  const maxBytes = input.maxBytes ?? uploadMaxBytes();
  const dir = uploadDir(scope.workspaceId);
  // Uploads are customer data: readable by this user only.
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  const storedPath = path.join(dir, randomBytes(16).toString("hex"));
  const received = `${storedPath}.${process.pid}${PART_SUFFIX}`;
  const unpacked = `${storedPath}.${process.pid}.unpacked${PART_SUFFIX}`;
  let dataset: Dataset | undefined;
  try {
    await pipeline(
      toNodeStream(input.stream),
      limitBytes(maxBytes),
      fs.createWriteStream(received, { mode: 0o600 }),
    );
    const fileName = await unpackUpload(received, unpacked, input.fileName, maxBytes);
    await fs.promises.chmod(unpacked, 0o600);
    const { size } = await fs.promises.stat(unpacked);
    dataset = scope.insert(datasets, {
      kind: input.kind,
      fileName,
      storedPath,
      fileBytes: size,
      uploadedBy: input.uploadedBy,
      status: "uploaded",
    });
    await fs.promises.rename(unpacked, storedPath);
    return dataset;
  } catch (error) {
    if (dataset) scope.delete(datasets, eq(datasets.id, dataset.id));
    await fs.promises.rm(storedPath, { force: true });
    throw error instanceof UploadError
      ? error
      : new UploadError(
          message("messages:ingest.upload.failed", { error: (error as Error).message }),
        );
  } finally {
    await fs.promises.rm(received, { force: true });
    await fs.promises.rm(unpacked, { force: true });
  }
}

const PART_SUFFIX = ".part";

/** Whether process `pid` of this machine is running (EPERM: it is, as another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Deletes the `.part` files under DATA_DIR/uploads whose writing process has ended (a
 * crash mid-upload), and those of no known process (an older naming). `ownUploadsLive`:
 * false at a process's start, when its own id on a file can only be a dead predecessor's
 * (a container's server is often pid 1 on every start). Returns how many were deleted.
 */
export function removeAbandonedUploads(options: { ownUploadsLive: boolean }): number {
  const root = path.resolve(env().DATA_DIR, "uploads");
  if (!fs.existsSync(root)) return 0;
  let removed = 0;
  for (const workspace of fs.readdirSync(root, { withFileTypes: true })) {
    if (!workspace.isDirectory()) continue;
    const dir = path.join(root, workspace.name);
    for (const name of fs.readdirSync(dir)) {
      if (!name.endsWith(PART_SUFFIX)) continue;
      const pid = Number(/^[0-9a-f]+\.(\d+)\./.exec(name)?.[1]);
      const own = pid === process.pid;
      const live =
        Number.isInteger(pid) && pid > 0 && (own ? options.ownUploadsLive : processAlive(pid));
      if (live) continue;
      fs.rmSync(path.join(dir, name), { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** The first `bytes` of a stored file, for sniffing and the preview. */
export function readSample(storedPath: string, bytes = SAMPLE_BYTES): Promise<Buffer> {
  return readHead(storedPath, bytes);
}
