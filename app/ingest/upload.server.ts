/**
 * Receiving an upload: the bytes are streamed to DATA_DIR/uploads/<workspace>/<random>
 * (never held in memory whole, never under a name the user chose), unpacked when they are
 * gzip or ZIP, and recorded as a dataset with status "uploaded".
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "zod";
import { datasets } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
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
  const received = `${storedPath}.part`;
  try {
    await pipeline(
      toNodeStream(input.stream),
      limitBytes(maxBytes),
      fs.createWriteStream(received, { mode: 0o600 }),
    );
    const fileName = await unpackUpload(received, storedPath, input.fileName, maxBytes);
    await fs.promises.chmod(storedPath, 0o600);
    const { size } = await fs.promises.stat(storedPath);
    return scope.insert(datasets, {
      kind: input.kind,
      fileName,
      storedPath,
      fileBytes: size,
      uploadedBy: input.uploadedBy,
      status: "uploaded",
    });
  } catch (error) {
    await fs.promises.rm(storedPath, { force: true });
    throw error instanceof UploadError
      ? error
      : new UploadError(`The upload failed: ${(error as Error).message}`);
  } finally {
    await fs.promises.rm(received, { force: true });
  }
}

/** The first `bytes` of a stored file, for sniffing and the preview. */
export function readSample(storedPath: string, bytes = SAMPLE_BYTES): Promise<Buffer> {
  return readHead(storedPath, bytes);
}
