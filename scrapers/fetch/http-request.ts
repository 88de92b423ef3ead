/**
 * One HTTP GET to an already-checked address: no redirects, no retries, no politeness.
 *
 * Why node:http rather than fetch(): fetch() resolves host names itself, so the address the
 * guard checked and the address it connects to could differ (DNS rebinding). node:http
 * takes a `lookup` function, which we pin to the checked address. This layer also enforces
 * the hard limits that protect the worker: a timeout covering connect, headers and body;
 * a size limit counted on decompressed bytes (so a gzip bomb stops at the limit); and the
 * content-type check, made before any of the body is read.
 */
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { pinnedLookup, type ResolvedAddress } from "./address-guard";
import { mimeTypeOf } from "./decode-body";
import {
  ContentTypeError,
  NetworkError,
  ResponseTooLargeError,
  ScrapeFetchError,
  TimeoutError,
} from "./errors";

export interface RequestOnceOptions {
  url: URL;
  address: ResolvedAddress;
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  /** When set, a 2xx response whose MIME type is not listed is refused unread. */
  accept?: readonly string[];
  /** Aborts the request (the fetcher is closing). */
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** Only read for 2xx responses; empty otherwise (redirects and errors need headers only). */
  body: Buffer;
}

export const ACCEPT_ENCODING = "gzip, deflate, br";

function flattenHeaders(headers: IncomingMessage["headers"]): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function decompressorFor(encoding: string | undefined, url: URL) {
  const name = (encoding ?? "identity").trim().toLowerCase();
  if (name === "identity" || name === "") return undefined;
  if (name === "gzip" || name === "x-gzip") return zlib.createGunzip();
  if (name === "deflate") return zlib.createInflate();
  if (name === "br") return zlib.createBrotliDecompress();
  throw new ScrapeFetchError(`unsupported content-encoding "${name}" from ${url.href}`, url.href);
}

async function readBody(response: IncomingMessage, url: URL, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new ResponseTooLargeError(url.href, maxBytes);
  }
  const decompressor = decompressorFor(response.headers["content-encoding"], url);
  const chunks: Buffer[] = [];
  let total = 0;
  const tooLarge = new ResponseTooLargeError(url.href, maxBytes);
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      total += chunk.length;
      // Throwing here makes pipeline destroy the response, which closes the socket.
      if (total > maxBytes) throw tooLarge;
      chunks.push(chunk);
    }
  };
  try {
    if (decompressor) await pipeline(response, decompressor, collect);
    else await pipeline(response, collect);
  } catch (error) {
    // pipeline may report the abort it caused rather than our reason for it.
    throw total > maxBytes ? tooLarge : error;
  }
  return Buffer.concat(chunks, total);
}

function asFetchError(error: unknown, url: URL): ScrapeFetchError {
  if (error instanceof ScrapeFetchError) return error;
  return new NetworkError(url.href, (error as NodeJS.ErrnoException).code, error);
}

export function requestOnce(options: RequestOnceOptions): Promise<RawResponse> {
  const { url, timeoutMs } = options;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    const fail = (error: unknown) =>
      settle(() => {
        request.destroy();
        reject(asFetchError(error, url));
      });

    const request = client.request(
      url,
      {
        method: "GET",
        headers: { ...options.headers, "accept-encoding": ACCEPT_ENCODING },
        lookup: pinnedLookup(options.address),
        // A fresh connection per request: nothing is reused that was not checked just now.
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const headers = flattenHeaders(response.headers);
        if (status < 200 || status > 299) {
          response.destroy();
          settle(() => resolve({ status, headers, body: Buffer.alloc(0) }));
          return;
        }
        const mime = mimeTypeOf(headers["content-type"]);
        if (options.accept && !options.accept.includes(mime)) {
          fail(new ContentTypeError(url.href, headers["content-type"] ?? "", options.accept));
          return;
        }
        readBody(response, url, options.maxBytes).then(
          (body) => settle(() => resolve({ status, headers, body })),
          fail,
        );
      },
    );
    const timer = setTimeout(() => fail(new TimeoutError(url.href, timeoutMs)), timeoutMs);
    const abort = () =>
      fail(new ScrapeFetchError(`fetcher closed while fetching ${url.href}`, url.href));
    if (options.signal?.aborted) return abort();
    options.signal?.addEventListener("abort", abort, { once: true });
    request.on("close", () => options.signal?.removeEventListener("abort", abort));
    request.on("error", fail);
    request.end();
  });
}
