import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import iconv from "iconv-lite";

export interface CsvFormat {
  delimiter: string;
  /** "utf8", or a legacy code page iconv-lite knows, e.g. "windows-1254". */
  encoding: string;
  lineEnding: "\n" | "\r\n";
}

export const ONLINE_CSV: CsvFormat = { delimiter: ",", encoding: "utf8", lineEnding: "\n" };
/** What a Turkish Excel or branch system exports: code page 1254, semicolons, CRLF. */
export const TURKISH_EXCEL_CSV: CsvFormat = {
  delimiter: ";",
  encoding: "windows-1254",
  lineEnding: "\r\n",
};

export type Field = string | number;

/** One character-class test per delimiter: half a million rows make four includes() add up. */
const QUOTE_TRIGGERS = new Map<string, RegExp>();
function quoteTrigger(delimiter: string): RegExp {
  let trigger = QUOTE_TRIGGERS.get(delimiter);
  if (!trigger) {
    trigger = new RegExp(`[${delimiter.replace(/[\\\]^-]/g, "\\$&")}"\\r\\n]`);
    QUOTE_TRIGGERS.set(delimiter, trigger);
  }
  return trigger;
}

/** Quotes a field only when it holds the delimiter, a quote or a line break (RFC 4180). */
export function csvField(value: Field, delimiter: string): string {
  const text = typeof value === "string" ? value : String(value);
  return quoteTrigger(delimiter).test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly Field[], format: CsvFormat): string {
  return fields.map((field) => csvField(field, format.delimiter)).join(format.delimiter);
}

const FLUSH_AT_CHARS = 1 << 16;

/**
 * Streams rows to disk in 64 KB chunks, encoding each chunk on the way out, and waits for
 * the stream to drain so memory stays flat however many rows are written.
 */
export class CsvWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private bytes = 0;
  private rows = 0;

  private constructor(
    private readonly stream: WriteStream,
    private readonly format: CsvFormat,
  ) {}

  static open(path: string, format: CsvFormat): CsvWriter {
    return new CsvWriter(createWriteStream(path), format);
  }

  /** The header line: written like a row but not counted as one. */
  async header(fields: readonly Field[]): Promise<void> {
    await this.line(csvLine(fields, this.format));
  }

  /** Returns a promise only when a chunk went out, so most rows cost no await. */
  row(fields: readonly Field[]): Promise<void> | undefined {
    this.rows++;
    return this.line(csvLine(fields, this.format));
  }

  async close(): Promise<{ rows: number; bytes: number }> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
    return { rows: this.rows, bytes: this.bytes };
  }

  private line(text: string): Promise<void> | undefined {
    this.pending.push(text, this.format.lineEnding);
    this.pendingChars += text.length + this.format.lineEnding.length;
    return this.pendingChars >= FLUSH_AT_CHARS ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = iconv.encode(this.pending.join(""), this.format.encoding);
    this.pending = [];
    this.pendingChars = 0;
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
  }
}
