/**
 * A streaming reader of multipart/form-data request bodies, for the upload form. Remix's
 * parser (through @web3-storage/multipart-parser) splits the Content-Disposition header on
 * every ";" and "=", so a file named `sales=2025.csv` or `a;b.csv` was refused as
 * "malformed content-disposition header" (issue 9, point 5). This one reads the header's
 * parameters as quoted strings, the way browsers write them (HTML's rule: `"`, CR and LF
 * percent-encoded, everything else as UTF-8), accepts RFC 5987 `filename*`, and streams each
 * part's bytes to the caller without holding the file in memory.
 */

import { message } from "~/analytics/message-code";
import { formatBytes } from "./archive.server";

/** A form that cannot be read; its message is a message code (worded where it is shown). */
export class MultipartError extends Error {
  override name = "MultipartError";
}

export interface MultipartPart {
  /** The form field's name. */
  name: string;
  /** The file's name as the browser sent it (without any folder), for file parts. */
  filename?: string;
  contentType?: string;
  /** The part's bytes; what the handler leaves unread is skipped. */
  data: AsyncIterable<Uint8Array>;
}

/** A part's headers past this size are not headers a browser sends. */
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_PARTS = 100;

/** The boundary of a multipart/form-data Content-Type, or null when it is not one. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const parameters = headerParameters(contentType.slice(contentType.indexOf(";")));
  const boundary = parameters.boundary;
  return boundary && boundary.length <= 200 ? boundary : null;
}

/**
 * `; key=value; key="quoted; value"` → { key: value }. Inside quotes a `\"` is an escaped
 * quote (RFC 7578, curl) unless it ends the parameter, as it does for a name that ends in a
 * backslash; browsers never send a bare `"` inside a name.
 */
export function headerParameters(text: string): Record<string, string> {
  const parameters: Record<string, string> = {};
  let at = 0;
  while (at < text.length) {
    const semicolon = text.indexOf(";", at);
    if (semicolon < 0) break;
    at = semicolon + 1;
    const equals = text.indexOf("=", at);
    if (equals < 0) break;
    const key = text.slice(at, equals).trim().toLowerCase();
    at = equals + 1;
    while (text[at] === " " || text[at] === "\t") at++;
    let value = "";
    if (text[at] === '"') {
      at++;
      for (; at < text.length; at++) {
        const char = text[at] as string;
        if (char === "\\" && text[at + 1] === '"' && !endsParameter(text, at + 2)) {
          value += '"';
          at++;
        } else if (char === '"') {
          at++;
          break;
        } else value += char;
      }
    } else {
      const end = text.indexOf(";", at);
      value = text.slice(at, end < 0 ? text.length : end).trim();
      at = end < 0 ? text.length : end;
    }
    if (key && !(key in parameters)) parameters[key] = value;
  }
  return parameters;
}

/** Whether only spaces, then a ";" or the end, follow `from`. */
function endsParameter(text: string, from: number): boolean {
  return /^\s*(;|$)/.test(text.slice(from));
}

/** The escapes HTML's form encoding uses in names: `"`, CR and LF. */
function unescapeHtmlName(name: string): string {
  return name.replace(/%22/gi, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");
}

/** RFC 5987 `UTF-8''m%C3%BC.csv` (or ISO-8859-1), or undefined when it is not readable. */
function extendedValue(value: string): string | undefined {
  const match = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(value);
  if (!match) return undefined;
  const [, charset = "", encoded = ""] = match;
  try {
    if (/^utf-8$/i.test(charset)) return decodeURIComponent(encoded);
    if (/^iso-8859-1$/i.test(charset)) {
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    }
  } catch {
    // Malformed escapes: fall back to the plain filename parameter.
  }
  return undefined;
}

/**
 * The file's own name: folders dropped (old browsers sent `C:\fakepath\x.csv`), control
 * characters removed. Never used as a path; shown (escaped) and stored as text only.
 */
export function uploadedFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const printable = [...base].filter((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code >= 0x20 && code !== 0x7f;
  });
  return printable.join("").trim().slice(0, 255);
}

function partOf(headerText: string): Omit<MultipartPart, "data"> {
  let disposition: Record<string, string> | undefined;
  let contentType: string | undefined;
  for (const line of headerText.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === "content-disposition") {
      if (!/^form-data\s*(;|$)/i.test(value)) {
        throw new MultipartError(message("messages:ingest.form.notFormData"));
      }
      disposition = headerParameters(value.slice(value.search(/;|$/)));
    } else if (header === "content-type") contentType = value;
  }
  if (!disposition || disposition.name === undefined) {
    throw new MultipartError(message("messages:ingest.form.noFieldName"));
  }
  const extended = disposition["filename*"] ? extendedValue(disposition["filename*"]) : undefined;
  const plain = disposition.filename !== undefined ? unescapeHtmlName(disposition.filename) : "";
  const filename = uploadedFileName(extended ?? plain);
  return {
    name: unescapeHtmlName(disposition.name),
    filename: filename === "" ? undefined : filename,
    contentType,
  };
}

/** Bytes of the body as they arrive, with a look-ahead buffer. */
class BodyReader {
  buffer: Buffer = Buffer.alloc(0);
  #reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(body: ReadableStream<Uint8Array>) {
    this.#reader = body.getReader();
  }

  /** Appends the next chunk; false at the end of the body. */
  async fill(): Promise<boolean> {
    const { done, value } = await this.#reader.read();
    if (done) return false;
    this.buffer =
      this.buffer.length === 0 ? Buffer.from(value) : Buffer.concat([this.buffer, value]);
    return true;
  }

  /** Fills until `needle` is in the buffer (searching from `from`); its index. */
  async find(needle: Buffer, limit: number, what: "start" | "headers"): Promise<number> {
    for (;;) {
      const at = this.buffer.indexOf(needle);
      if (at >= 0) return at;
      if (this.buffer.length > limit)
        throw new MultipartError(message(`messages:ingest.form.${what}TooLong`));
      if (!(await this.fill()))
        throw new MultipartError(message("messages:ingest.form.endedBeforeForm"));
    }
  }

  async release(): Promise<void> {
    await this.#reader.cancel().catch(() => undefined);
  }
}

/**
 * Reads the form's parts in order and hands each to `onPart`, which may read its `data`
 * (a file streamed to disk) or not (skipped). Throws MultipartError for a body that is not
 * a form, and whatever `onPart` throws.
 */
export async function readMultipart(
  request: Request,
  onPart: (part: MultipartPart) => Promise<void>,
): Promise<void> {
  const boundary = multipartBoundary(request.headers.get("Content-Type"));
  if (!boundary || !request.body)
    throw new MultipartError(message("messages:ingest.form.notAForm"));
  const body = new BodyReader(request.body);
  const dashBoundary = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const headerEnd = Buffer.from("\r\n\r\n");
  try {
    // The preamble (usually empty) before the first boundary is ignored.
    const first = await body.find(dashBoundary, MAX_HEADER_BYTES, "start");
    body.buffer = body.buffer.subarray(first + dashBoundary.length);
    for (let parts = 0; ; parts++) {
      while (body.buffer.length < 2 && (await body.fill()));
      if (body.buffer.subarray(0, 2).toString("latin1") === "--") return;
      if (parts >= MAX_PARTS)
        throw new MultipartError(message("messages:ingest.form.tooManyParts"));
      const end = await body.find(headerEnd, MAX_HEADER_BYTES, "headers");
      // Browsers write header values as UTF-8 (a file named "отчёт.csv" arrives as is).
      const headerText = body.buffer.subarray(0, end).toString("utf8").replace(/^\r\n/, "");
      body.buffer = body.buffer.subarray(end + headerEnd.length);
      let finished = false;
      const data = async function* (): AsyncGenerator<Uint8Array> {
        for (;;) {
          const at = body.buffer.indexOf(delimiter);
          if (at >= 0) {
            const last = body.buffer.subarray(0, at);
            body.buffer = body.buffer.subarray(at + delimiter.length);
            finished = true;
            if (last.length > 0) yield last;
            return;
          }
          // The end of the buffer may hold the start of the delimiter: it waits for more.
          const safe = body.buffer.length - (delimiter.length - 1);
          if (safe > 0) {
            const chunk = body.buffer.subarray(0, safe);
            body.buffer = body.buffer.subarray(safe);
            yield chunk;
          }
          if (!(await body.fill())) {
            throw new MultipartError(message("messages:ingest.form.endedBeforeFile"));
          }
        }
      };
      const part = { ...partOf(headerText), data: data() };
      await onPart(part);
      // What the handler did not read is skipped.
      if (!finished) for await (const _ of part.data);
      if (!finished) throw new MultipartError(message("messages:ingest.form.endedBeforeFile"));
    }
  } finally {
    await body.release();
  }
}

/** A small form held in memory: its text fields and at most one file. */
export interface SmallForm {
  fields: Record<string, string>;
  file?: { name: string; bytes: Uint8Array };
}

/** A file part larger than the form allows. */
export class FormFileTooLarge extends MultipartError {}

/**
 * Reads a form whose file is small enough to hold in memory (a list of channel users, a
 * trends export), through the same reader as uploads, so any file name a browser sends is
 * accepted here too. A file over `maxFileBytes` throws FormFileTooLarge.
 */
export async function readSmallForm(request: Request, maxFileBytes: number): Promise<SmallForm> {
  const form: SmallForm = { fields: {} };
  await readMultipart(request, async (part) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of part.data) {
      size += chunk.length;
      if (size > maxFileBytes)
        throw new FormFileTooLarge(
          message("messages:ingest.form.fileTooLarge", { size: formatBytes(maxFileBytes) }),
        );
      chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks);
    if (part.filename === undefined) form.fields[part.name] = bytes.toString("utf8");
    else if (!form.file && bytes.length > 0) form.file = { name: part.filename, bytes };
  });
  return form;
}
