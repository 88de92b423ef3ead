/**
 * Issue 9, point 4: an implausible cell (a birth year of 1893) keeps its row, is stored
 * empty and becomes a cell warning that is counted, listed, downloadable and erasable.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { eraseCustomer } from "~/customers/erase.server";
import { deleteDataset, getDataset, listCellWarnings } from "~/datasets/queries.server";
import * as warningsRoute from "~/routes/w.$workspace.data.$dataset.warnings[.csv]";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { runCli } from "../../../cli/run";
import { english } from "../../helpers/english";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";
import type { ImportSummary } from "./support";

const { db, dir } = setUpTestDb();
const slug = "warnings";
let cookie = "";
let ownerId = 0;
let scope: ReturnType<typeof scopeTo>;

beforeAll(async () => {
  const owner = await createUser({ email: "w@w.test", name: "W", password: "long enough pw" });
  ownerId = owner.id;
  scope = scopeTo(db, createWorkspace({ slug, name: "Warnings" }, owner).id);
  cookie = await cookieFor(owner.id);
});

async function importCustomers(name: string, text: string): Promise<ImportSummary> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const result = await runCli([
    "import",
    "--workspace",
    slug,
    "--kind",
    "customers",
    "--file",
    file,
  ]);
  if (result.code !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout ?? "") as ImportSummary;
}

function customerRows() {
  return db.$client
    .prepare(
      `SELECT external_id, record ->> '$.name' AS name, record ->> '$.email' AS email,
              record ->> '$.birth_year' AS birth_year FROM customer_sources
       WHERE workspace_id = ? ORDER BY external_id`,
    )
    .all(scope.workspaceId);
}

describe("cell warnings", () => {
  let datasetId = 0;

  it("loads a customer born in 1893 with the birth year empty and one warning", async () => {
    const summary = await importCustomers(
      "branch.csv",
      "Müşteri No,Ad Soyad,E-posta,Doğum Yılı\n" +
        "C1,Ayşe Yılmaz,ayse@example.com,1985\n" +
        "C2,Ali Demir,ali@example.com,1893\n" +
        "C3,Can Er,can@example.com,1990\n",
    );
    datasetId = summary.dataset_id;
    expect(english(summary)).toMatchObject({
      rows_read: 3,
      rows_loaded: 3,
      rows_rejected: 0,
      cell_warnings: 1,
    });
    expect(english(customerRows())).toEqual([
      { external_id: "C1", name: "Ayşe Yılmaz", email: "ayse@example.com", birth_year: 1985 },
      { external_id: "C2", name: "Ali Demir", email: "ali@example.com", birth_year: null },
      { external_id: "C3", name: "Can Er", email: "can@example.com", birth_year: 1990 },
    ]);
    expect(english(getDataset(scope, datasetId))).toMatchObject({
      cellWarnings: 1,
      rowsRejected: 0,
    });
    expect(english(listCellWarnings(scope, datasetId))).toMatchObject([
      {
        datasetId,
        lineNumber: 3,
        column: "Doğum Yılı",
        value: "1893",
        reason: "birth year 1893 is before 1900",
      },
    ]);
  });

  it("downloads the warnings as CSV, formulas neutralised", async () => {
    const summary = await importCustomers("formula.csv", "id,Income,Birth Year\nF1,=1+2,-500\n");
    expect(english(summary)).toMatchObject({ rows_loaded: 1, cell_warnings: 2 });
    const { status, body } = await settle(() =>
      warningsRoute.loader({
        request: requestAs(cookie, `/w/${slug}/data/${summary.dataset_id}/warnings.csv`),
        params: { workspace: slug, dataset: String(summary.dataset_id) },
        context: { clientAddress: "127.0.0.1" },
      }),
    );
    expect(english(status)).toBe(200);
    const response = body as Response;
    expect(english(response.headers.get("Content-Disposition"))).toBe(
      'attachment; filename="formula-warnings.csv"',
    );
    expect(english((await response.text()).replace(/^\uFEFF/, ""))).toBe(
      "line,column,value,reason\r\n" +
        "2,Birth Year,'-500,birth year -500 is before 1900\r\n" +
        `2,Income,'=1+2,"""=1+2"" is not a number"\r\n`,
    );

    const first = await settle(() =>
      warningsRoute.loader({
        request: requestAs(cookie, `/w/${slug}/data/${datasetId}/warnings.csv`),
        params: { workspace: slug, dataset: String(datasetId) },
        context: { clientAddress: "127.0.0.1" },
      }),
    );
    expect(english((await (first.body as Response).text()).replace(/^\uFEFF/, ""))).toBe(
      "line,column,value,reason\r\n3,Doğum Yılı,1893,birth year 1893 is before 1900\r\n",
    );
  });

  it("erasure removes the warnings that mention the person, and lowers the count", async () => {
    const summary = await importCustomers(
      "mail-export.csv",
      'id,E-mail\nC1,"Ayşe Yılmaz <ayse@example.com>"\nC3,can@@example\n',
    );
    expect(english(summary)).toMatchObject({ rows_loaded: 2, cell_warnings: 2 });
    expect(english(listCellWarnings(scope, summary.dataset_id).map((w) => w.value))).toEqual([
      "Ayşe Yılmaz <ayse@example.com>",
      "can@@example",
    ]);
    // The mail export's C1 is a profile of its own (its e-mail could not be read to match
    // on); erasing Ayşe's profile from the branch file takes the warning that quotes her.
    const ayse = db.$client
      .prepare(
        "SELECT customer_id FROM customer_sources WHERE external_id = 'C1' AND source = 'branch.csv'",
      )
      .pluck()
      .get() as number;
    const result = eraseCustomer(scope, { customerId: ayse }, ownerId);
    expect(english(result.removed.cell_warnings)).toBe(1);
    expect(english(listCellWarnings(scope, summary.dataset_id).map((w) => w.value))).toEqual([
      "can@@example",
    ]);
    expect(english(getDataset(scope, summary.dataset_id)?.cellWarnings)).toBe(1);
    // Another person's warning elsewhere stays.
    expect(english(listCellWarnings(scope, datasetId))).toHaveLength(1);
  });

  it("deleting the dataset deletes its warnings", () => {
    deleteDataset(scope, datasetId, ownerId);
    const left = db.$client
      .prepare("SELECT count(*) FROM cell_warnings WHERE dataset_id = ?")
      .pluck()
      .get(datasetId);
    expect(english(left)).toBe(0);
  });
});
