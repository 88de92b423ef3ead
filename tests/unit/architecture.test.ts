/**
 * The layout rules the lint cannot state: components render and hold no server modules,
 * every job handler lives in jobs/handlers/, workspace SQL goes through the scope (no
 * hand-bound workspace_id, no scope rebuilt from an id below the entry points), and the
 * consent rule's SQL lives in one module (the import layers of db/ and app/analytics are
 * enforced by biome.json's noRestrictedImports overrides). Each scanner is shown to fail on
 * a planted example, so a rule cannot pass by matching nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  CONSENT_RULE_SQL,
  findIn,
  HAND_BOUND_WORKSPACE,
  SCOPE_CONSTRUCTOR,
  scan,
} from "./architecture-scan";

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

const SERVER_CODE = ["app", "jobs", "cli", "scrapers"];

/**
 * Files that may still bind the workspace by hand, each with why and how many bindings: the
 * check fails on any other binding, and on an entry here that no longer matches (so the
 * list only shrinks). None are left.
 */
const HAND_BOUND_PENDING: Record<string, number> = {};

/**
 * Where a scope may be built from an id: the entry points that resolve the workspace once
 * (routes through requireWorkspace, job handlers from the job, CLI commands from --workspace)
 * and the few resolvers that find it in a row of their own.
 */
const SCOPE_ENTRY_POINTS: readonly RegExp[] = [
  /^app\/routes\//,
  /^jobs\/handlers\//,
  /^cli\/commands\//,
  // requireWorkspace: the route's scope.
  /^app\/workspace\.server\.ts$/,
  // A share link names its workspace.
  /^app\/sharing\/resolve-share-link\.server\.ts$/,
  // The system's sweep of dead imports, across workspaces: one scope per stale dataset.
  /^app\/datasets\/stale-imports\.server\.ts$/,
  // Re-exports the constructor for routes and the CLI.
  /^app\/db\.server\.ts$/,
];

const CONSENT_MODULE = path.join("app", "customers", "analysable.server.ts");

describe("one data path", () => {
  it("binds workspace_id only through the scope", () => {
    const found = scan(".", SERVER_CODE, HAND_BOUND_WORKSPACE);
    const unexpected = found.filter((f) => !(f.file in HAND_BOUND_PENDING));
    expect(unexpected).toEqual([]);
    const pending = Object.fromEntries(
      Object.keys(HAND_BOUND_PENDING).map((file) => [
        file,
        found.filter((f) => f.file === file).length,
      ]),
    );
    expect(pending).toEqual(HAND_BOUND_PENDING);
  });

  it("builds scopes from an id only at the entry points", () => {
    const found = scan(".", SERVER_CODE, SCOPE_CONSTRUCTOR).filter(
      (f) => !SCOPE_ENTRY_POINTS.some((entry) => entry.test(f.file.split(path.sep).join("/"))),
    );
    expect(found).toEqual([]);
  });

  it("keeps the consent rule's SQL in customers/analysable.server.ts", () => {
    expect(scan(".", SERVER_CODE, CONSENT_RULE_SQL, [CONSENT_MODULE])).toEqual([]);
    // The module itself holds it (else the scan above would pass by matching nothing).
    const own = findIn(CONSENT_MODULE, fs.readFileSync(CONSENT_MODULE, "utf8"), CONSENT_RULE_SQL);
    expect(own.length).toBeGreaterThan(0);
  });
});

describe("the scanners", () => {
  const bound = (text: string) => findIn("planted.ts", text, HAND_BOUND_WORKSPACE).length;
  /** A drizzle template's placeholder, as source text (`${expression}`). */
  const placeholder = (expression: string) => `$${"{"}${expression}}`;

  it("catch every way of binding the workspace by hand", () => {
    expect(bound('db.prepare("SELECT 1 FROM t WHERE workspace_id = ?")')).toBe(1);
    expect(bound("SELECT 1 FROM t WHERE t.workspace_id=? AND id = ?")).toBe(1);
    expect(bound("SELECT 1 FROM t WHERE workspace_id = $1")).toBe(1);
    expect(bound("DELETE FROM t WHERE workspace_id = @workspaceId AND id = @id")).toBe(1);
    expect(bound("UPDATE t SET x = 1 WHERE workspace_id = :ws")).toBe(1);
    expect(bound("SELECT 1 FROM t WHERE workspace_id IN (SELECT id FROM w)")).toBe(1);
    expect(
      bound(`sql\`select 1 from s where s.workspace_id = ${placeholder("scope.workspaceId")}\``),
    ).toBe(1);
    expect(bound(`sql\`where workspace_id = ${placeholder("workspaceId")}\``)).toBe(1);
    expect(bound("INSERT INTO t (workspace_id, a, b) VALUES (?, ?, ?)")).toBe(1);
    expect(bound("INSERT INTO t (workspace_id, a)\n SELECT ?, s.a FROM s")).toBe(1);
  });

  it("leave the scope's own parameter and joins alone", () => {
    expect(bound("SELECT 1 FROM t WHERE workspace_id = @workspace AND id = ?")).toBe(0);
    expect(bound("INSERT INTO t (workspace_id, a) VALUES (@workspace, ?)")).toBe(0);
    expect(bound("JOIN c ON c.workspace_id = s.workspace_id")).toBe(0);
    expect(bound(`sql\`where d.workspace_id = ${placeholder("campaigns.workspaceId")}\``)).toBe(0);
  });

  it("find a scope constructor call and consent conditions", () => {
    expect(findIn("f.ts", "const s = scopeTo(db, id);", SCOPE_CONSTRUCTOR)).toHaveLength(1);
    expect(findIn("f.ts", 'import { scopeTo } from "#db/scoped";', SCOPE_CONSTRUCTOR)).toEqual([]);
    const consent = (text: string) => findIn("f.ts", text, CONSENT_RULE_SQL).length;
    expect(consent("WHERE c.consent_data_processing = 1")).toBe(1);
    expect(consent("WHERE coalesce(c.consent_data_processing, 0) != 1")).toBe(1);
    expect(consent("AND consent_data_processing IS NOT 0")).toBe(1);
    expect(consent("(s.channel = 'sms' AND c.consent_sms = 1)")).toBe(1);
    expect(consent("where(eq(customers.consentDataProcessing, true))")).toBe(1);
    expect(consent("SELECT c.consent_data_processing, c.consent_email FROM customers c")).toBe(0);
  });

  describe("on a planted tree", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "architecture-"));
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
    const plant = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    plant(
      "app/segments/planted.server.ts",
      [
        "export const rows = (db, workspaceId) =>",
        '  db.$client.prepare("SELECT id FROM customers WHERE workspace_id = ? AND consent_data_processing = 1").all(workspaceId);',
        "export const scoped = (db, id) => scopeTo(db, id);",
        "",
      ].join("\n"),
    );
    plant(
      "app/customers/analysable.server.ts",
      "export const rule = 'consent_data_processing = 1';\n",
    );
    plant("app/routes/w.planted.tsx", "const scope = scopeTo(getDb(), 1);\n");

    it("report the planted file, line by line, and not the allowed ones", () => {
      expect(scan(root, SERVER_CODE, HAND_BOUND_WORKSPACE)).toMatchObject([
        { file: path.join("app", "segments", "planted.server.ts"), line: 2 },
      ]);
      expect(scan(root, SERVER_CODE, CONSENT_RULE_SQL, [CONSENT_MODULE])).toMatchObject([
        { file: path.join("app", "segments", "planted.server.ts"), line: 2 },
      ]);
      const constructors = scan(root, SERVER_CODE, SCOPE_CONSTRUCTOR).filter(
        (f) => !SCOPE_ENTRY_POINTS.some((entry) => entry.test(f.file.split(path.sep).join("/"))),
      );
      expect(constructors).toMatchObject([
        { file: path.join("app", "segments", "planted.server.ts"), line: 3 },
      ]);
    });
  });
});
