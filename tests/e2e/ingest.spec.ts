import path from "node:path";
import { expect, test } from "@playwright/test";
import { baseURL, signUp } from "./helpers";

/**
 * A branch export as banks produce it: Windows-1254, `;`, decimal commas, dd.mm.yyyy, and a
 * birth-date header the matcher cannot know ("Dğm. T."), so the marketer maps it by hand.
 * Lines 4–6 are broken (31.02.1985, income "bilinmiyor", a missing field).
 */
const file = path.resolve("tests/fixtures/e2e/customers-branch-1254.csv");

test("upload a Windows-1254 file, fix a mapping, watch the import, get the rejected rows and cell warnings", async ({
  page,
}) => {
  await signUp(page, {
    name: "Deniz Analyst",
    email: "deniz@e2e.test",
    password: "correct horse battery staple",
  });
  await page.getByLabel("Name").fill("Branch data");
  await page.getByLabel("Address").fill("branch-data");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.getByRole("navigation").getByRole("link", { name: "Data", exact: true }).click();

  await page.getByRole("radio", { name: "Customers", exact: true }).check();
  await page.getByLabel(/CSV file/).setInputFiles(file);
  await page.getByRole("button", { name: "Upload and preview" }).click();

  // Detection, shown and changeable.
  const settings = page.getByRole("form", { name: "Detected settings" });
  await expect(settings.getByLabel("Encoding")).toHaveValue("windows-1254");
  await expect(settings.getByLabel("Delimiter")).toHaveValue(";");
  await expect(settings.getByLabel("Decimal mark")).toHaveValue(",");
  await expect(page.getByRole("cell", { name: "AYŞE YILMAZ" })).toBeVisible();

  // The unknown header is kept as an attribute until the marketer maps it.
  const birth = page.getByLabel("Field for column Dğm. T.");
  await expect(birth).toHaveValue("");
  await birth.selectOption("birth_date");
  await expect(page.getByLabel("Field for column Aylık Gelir")).toHaveValue("income");
  await page.getByRole("button", { name: /^Import/ }).click();

  // The worker imports in the background; the page follows its progress until done.
  await expect(page.getByRole("heading", { name: /customers-branch-1254\.csv/ })).toContainText(
    "succeeded",
    {
      timeout: 30_000,
    },
  );
  await expect(page.getByTestId("count-loaded")).toHaveText("6");
  await expect(page.getByTestId("count-rejected")).toHaveText("1");
  await expect(page.getByTestId("count-cell-warnings")).toHaveText("2");

  // Only the ragged row is rejected; a bad birth date or income leaves that cell empty.
  const rejected = page.getByRole("region", { name: "Rejected rows" });
  await expect(rejected.getByRole("row")).toHaveCount(2);
  const warnings = page.getByRole("region", { name: "Cell warnings" });
  await expect(warnings.getByRole("row")).toHaveCount(3);
  await expect(warnings).toContainText("31.02.1985");
  await expect(warnings).toContainText("bilinmiyor");

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download all 2 cell warnings/ }).click();
  const download = await downloadPromise;
  const csv = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  });
  expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(3);
  expect(csv).toContain("31.02.1985");

  // The remembered mapping applies to the next file with the same headers.
  await page.goto(`${baseURL()}/w/branch-data/data`);
  await page.getByRole("radio", { name: "Customers", exact: true }).check();
  await page.getByLabel(/CSV file/).setInputFiles(file);
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByLabel("Field for column Dğm. T.")).toHaveValue("birth_date");
});
