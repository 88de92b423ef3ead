import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const corpus = fileURLToPath(new URL("../../fixtures/csv/", import.meta.url));

/** The bytes of a fixture of tests/fixtures/csv (see make-fixtures.ts there). */
export function fixture(name: string): Buffer {
  return readFileSync(`${corpus}${name}`);
}
