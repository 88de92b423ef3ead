/**
 * The layout rules the lint cannot state: components render and hold no server modules, and
 * every job handler lives in jobs/handlers/ (the import layers of db/ and app/analytics are
 * enforced by biome.json's noRestrictedImports overrides).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f));
}

describe("code layout", () => {
  it("keeps server modules out of app/components", () => {
    const serverModules = filesUnder("app/components").filter((f) => /\.server\.tsx?$/.test(f));
    expect(serverModules).toEqual([]);
  });

  it("defines job handlers only in jobs/handlers", () => {
    const elsewhere = ["app", "jobs", "cli", "scrapers"]
      .flatMap(filesUnder)
      .filter((f) => /\.tsx?$/.test(f) && !f.startsWith(path.join("jobs", "handlers")))
      .filter((f) => f !== path.join("jobs", "registry.ts"))
      .filter((f) => /\bdefineHandler\(/.test(fs.readFileSync(f, "utf8")));
    expect(elsewhere).toEqual([]);
  });
});
