import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvParseOptions } from "~/ingest/csv-options";
import { decodeBuffer } from "~/ingest/decode";
import { SAMPLE_BYTES, sniffCsv } from "~/ingest/sniff";

const FIELD_CHARS = 10 * 1024 * 1024;
let dir = "";
let path = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "channelscope-ingest-"));
  path = join(dir, "huge-field.csv");
  // A quoted field of 10 MB holding delimiters and newlines, between two ordinary rows.
  const chunk = "lorem, ipsum\n";
  const huge = chunk.repeat(Math.ceil(FIELD_CHARS / chunk.length)).slice(0, FIELD_CHARS);
  writeFileSync(path, `id,notes,score\n1,short,5\n2,"${huge}",7\n3,after,9\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a 10 MB single field", () => {
  it("sniffs the file from its first 64 KB", () => {
    const sample = readFileSync(path).subarray(0, SAMPLE_BYTES);
    const result = sniffCsv(sample);
    expect(result.ok && result.settings.delimiter).toBe(",");
    expect(result.ok && result.headers).toEqual(["id", "notes", "score"]);
    expect(result.ok && result.rows).toEqual([["1", "short", "5"]]);
  });

  it("parses whole with the shared csv-parse options", () => {
    const text = decodeBuffer(readFileSync(path), "utf-8");
    const records: string[][] = parse(text, csvParseOptions({ delimiter: ",", quote: '"' }));
    expect(records).toHaveLength(4);
    expect(records[2]?.[1]).toHaveLength(FIELD_CHARS);
    expect(records[3]).toEqual(["3", "after", "9"]);
  });
});
