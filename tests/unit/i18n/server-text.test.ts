// No English answer made on the server: text a route or a *.server.ts module sends to a
// reader (a Response body, an `error` / `form` / `message` field, a shown error class's
// message) is a message code or comes from the catalogues. The scanner is tested itself.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serverFiles, serverTextIn, serverTextOf } from "./server-text";

/**
 * Not user-visible: start-up configuration errors (the operator's log). Each entry says why.
 */
const NOT_SHOWN = new Set<string>([
  // Thrown at start-up when SESSION_SECRET is wrong: read in the server's log.
  "app/env.server.ts",
]);

/**
 * Still English, to convert (the test fails when a listed file is clean, so the list only
 * shrinks). Plain HTTP guards (413/411 of the body limit, 403/404 of requireWorkspace) and
 * domain errors of other areas.
 */
const NOT_CONVERTED_YET = new Set<string>([
  "app/body-limit.server.ts",
  "app/notifications/plan-notifications.server.ts",
  "app/notifications/stored-plans.server.ts",
  "app/reports/kinds/offer-cost.server.ts",
  "app/reports/kinds/segment-run-params.server.ts",
  "app/reports/kinds/segment-run.server.ts",
  "app/reports/reports.server.ts",
  "app/routes/w.$workspace.reports.$report.delivery.tsx",
  "app/routes/w.$workspace.segments.$run._index.tsx",
  "app/routes/w.$workspace.segments.$run.tsx",
  "app/routes/w.$workspace.settings.tsx",
  "app/scraping/scrapers-action.server.ts",
  "app/segments/audience.server.ts",
  "app/segments/channel-propensity.server.ts",
  "app/segments/cluster-run.server.ts",
  "app/segments/run-page.server.ts",
  "app/workspace.server.ts",
]);

const root = path.resolve(__dirname, "../../..");
const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");

describe("the server-text scanner", () => {
  it("finds a planted English answer in each form it looks for", () => {
    const planted = [
      'return new Response("This link is not valid", { status: 404 });',
      'return data({ error: "Choose a file" }, { status: 400 });',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text with a template
      "return { errors: { form: `Only ${n} customers` } };",
      'throw new UploadError(ok ? "fine" : "The ZIP archive holds no CSV file.");',
      'return { ok: false, message: "Не найдено" };',
    ].join("\n");
    expect(serverTextIn("x.server.ts", planted)).toEqual([
      "1: This link is not valid",
      "2: Choose a file",
      "3: Only",
      "3: customers",
      "4: fine",
      "4: The ZIP archive holds no CSV file.",
      "5: Не найдено",
    ]);
  });

  it("leaves message codes, values and unshown text alone", () => {
    const clean = [
      'return data({ error: message("data:chooseFile") }, { status: 400 });',
      'throw new UploadError("messages:ingest.upload.zipNoCsv");',
      "return new Response(csv, { status: 200 });",
      'return new Response("", { status: 204 });',
      'console.log("worker started");',
      'const label = "Not a response field";',
      'throw new Error("a programming error, logged");',
    ].join("\n");
    expect(serverTextIn("x.server.ts", clean)).toEqual([]);
  });
});

describe("server-made answers", () => {
  const files = serverFiles(path.join(root, "app"));

  it("scan the routes and the server modules", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.map(relative)).toContain("app/sharing/shared-report.server.ts");
    expect(files.map(relative)).toContain("app/routes/s.$token.tsx");
  });

  it("hold no English outside the catalogues", () => {
    const found: string[] = [];
    for (const file of files) {
      const name = relative(file);
      if (NOT_SHOWN.has(name) || NOT_CONVERTED_YET.has(name)) continue;
      for (const hit of serverTextOf(file)) found.push(`${name}:${hit}`);
    }
    expect(found).toEqual([]);
  });

  it("list only files that still need it", () => {
    const clean = [...NOT_SHOWN, ...NOT_CONVERTED_YET].filter(
      (name) => serverTextOf(path.join(root, name)).length === 0,
    );
    expect(clean).toEqual([]);
  });
});
