/**
 * Issue 11, Languages: what an import says about a file (a preview warning, a rejected
 * row's reason, a cell warning) is stored as a message code and read in the reader's
 * language: on the dataset page, in its downloads, and in English on the command line.
 */
import fs from "node:fs";
import path from "node:path";
import { createInstance } from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { PreviewNotes } from "~/components/DatasetPreview";
import { CellWarnings, RejectedRows } from "~/components/ImportProblems";
import { listCellWarnings, listRejectedRows } from "~/datasets/queries.server";
import type { Locale } from "~/i18n/config";
import { i18nextOptions } from "~/i18n/options";
import { displayedPreview, previewCsv } from "~/ingest/preview";
import * as rejectedRoute from "~/routes/w.$workspace.data.$dataset.rejected[.csv]";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { runCli } from "../../../cli/run";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";
import type { ImportSummary } from "./support";

const { db, dir } = setUpTestDb();
const slug = "diller";
let cookie = "";
let scope: ReturnType<typeof scopeTo>;

// Line 2: a birth year of 1893 (kept, cell left empty); line 3: no customer id (rejected).
// The header names "Not" twice, which the preview warns about.
const FILE = [
  "Müşteri No,Ad Soyad,Doğum Yılı,Not,Not",
  "C1,Ayşe Yılmaz,1893,a,b",
  ",Mehmet Kaya,1980,c,d",
  "C3,Olga Ivanova,1975,e,f",
  "",
].join("\n");

function render(locale: Locale, element: ReactElement): string {
  const i18n = createInstance();
  i18n.use(initReactI18next).init({ ...i18nextOptions(locale), initImmediate: false });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element));
}

let datasetId = 0;

beforeAll(async () => {
  const owner = await createUser({ email: "d@d.test", name: "D", password: "long enough pw" });
  scope = scopeTo(db, createWorkspace({ slug, name: "Diller" }, owner).id);
  cookie = await cookieFor(owner.id);
  const file = path.join(dir, "musteriler.csv");
  fs.writeFileSync(file, FILE);
  const result = await runCli([
    "import",
    "--workspace",
    slug,
    "--kind",
    "customers",
    "--file",
    file,
  ]);
  expect(result.code, result.stderr).toBe(0);
  datasetId = (JSON.parse(result.stdout ?? "") as ImportSummary).dataset_id;
});

describe("the preview's warnings", () => {
  const preview = previewCsv(Buffer.from(FILE), "customers");
  if (!preview.ok) throw new Error("the file should preview");
  const shown = displayedPreview(preview);

  it("are stored as codes, not sentences", () => {
    expect(shown.warnings).toEqual([
      'messages:ingest.preview.duplicateColumn|{"written":"Not","header":"Not (2)"}',
    ]);
  });

  it("read in English, Turkish and Russian", () => {
    const notes = createElement(PreviewNotes, { preview: shown });
    expect(render("en", notes)).toContain(
      "Column &quot;Not&quot; appears more than once; this one is called &quot;Not (2)&quot;.",
    );
    expect(render("tr", notes)).toContain(
      "&quot;Not&quot; sütunu birden çok kez geçiyor; bunun adı &quot;Not (2)&quot; oldu.",
    );
    expect(render("ru", notes)).toContain(
      "Столбец «Not» встречается несколько раз; этот назван «Not (2)».",
    );
    // The encoding's reason is a code too: valid UTF-8 in every language.
    expect(render("tr", notes)).toContain("Örneğin tamamı geçerli UTF-8.");
    expect(render("ru", notes)).toContain("Весь образец — корректный UTF-8.");
  });
});

describe("a rejected row and a cell warning", () => {
  it("keep their reasons as codes with the figures", () => {
    const [rejected] = listRejectedRows(scope, datasetId);
    expect(rejected).toMatchObject({ lineNumber: 3, column: "Müşteri No" });
    expect(rejected?.reason).toBe(
      'messages:ingest.row.column|{"column":"Müşteri No","reason":"messages:ingest.row.customerIdEmpty"}',
    );
    const [warning] = listCellWarnings(scope, datasetId);
    expect(warning).toMatchObject({ lineNumber: 2, column: "Doğum Yılı", value: "1893" });
    expect(warning?.reason).toBe(
      'messages:ingest.cell.birthYearBefore|{"year":1893,"earliest":1900}',
    );
  });

  it("read in Turkish and in Russian on the dataset page", () => {
    const rows = listRejectedRows(scope, datasetId);
    const warnings = listCellWarnings(scope, datasetId);
    const page = (locale: Locale) =>
      render(
        locale,
        createElement("div", null, [
          createElement(RejectedRows, { key: "r", rows, total: 1, csvHref: "r.csv" }),
          createElement(CellWarnings, { key: "w", rows: warnings, total: 1, csvHref: "w.csv" }),
        ]),
      );
    const turkish = page("tr");
    expect(turkish).toContain("<td>&quot;Müşteri No&quot; sütunu: müşteri numarası boş</td>");
    expect(turkish).toContain("<td>doğum yılı 1893, 1900 yılından önce</td>");
    const russian = page("ru");
    expect(russian).toContain("<td>Столбец «Müşteri No»: не указан id клиента</td>");
    expect(russian).toContain("<td>год рождения 1893 раньше 1900</td>");
    expect(page("en")).toContain(
      "<td>Column &quot;Müşteri No&quot;: the customer id is empty</td>",
    );
  });

  it("read in the reader's language in the rejected rows' CSV", async () => {
    const download = async (language: string) => {
      const { status, body } = await settle(() =>
        rejectedRoute.loader({
          request: requestAs(cookie, `/w/${slug}/data/${datasetId}/rejected.csv`, {
            headers: { "Accept-Language": language },
          }),
          params: { workspace: slug, dataset: String(datasetId) },
          context: { clientAddress: "127.0.0.1" },
        }),
      );
      expect(status).toBe(200);
      return (await (body as Response).text()).replace(/^\uFEFF/, "");
    };
    expect(await download("tr-TR,tr;q=0.9")).toContain(
      '3,Müşteri No,"""Müşteri No"" sütunu: müşteri numarası boş",",Mehmet Kaya,1980,c,d"',
    );
    expect(await download("ru")).toContain("Столбец «Müşteri No»: не указан id клиента");
    expect(await download("en")).toContain('Column ""Müşteri No"": the customer id is empty');
  });

  it("are English on the command line, as codes in the dataset", async () => {
    const file = path.join(dir, "bos.csv");
    fs.writeFileSync(file, "");
    const result = await runCli([
      "import",
      "--workspace",
      slug,
      "--kind",
      "customers",
      "--file",
      file,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bos.csv: The file is empty.");
    const listed = await runCli(["dataset", "list", "--workspace", slug]);
    expect(listed.stdout ?? "").toContain("bos.csv: The file is empty.");
    expect(listed.stdout ?? "").not.toContain("messages:");
    const stored = db.$client
      .prepare("SELECT error FROM datasets WHERE file_name = 'bos.csv'")
      .pluck()
      .get();
    // The failed import also says its upload was deleted, around the file's problem.
    expect(stored).toMatch(/^messages:ingest\.import\.copyRemovedAfter\|.*fileProblem/);
  });
});
