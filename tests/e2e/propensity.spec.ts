/**
 * Propensity of channel users, on a run's Products page. The fixtures in tests/fixtures/e2e
 * (propensity-*.csv) make the result checkable by hand: 12 consented customers born 1996–2003
 * bought only Electronics, 12 born 1957–1966 bought only Garden (gender and residency are
 * balanced in both groups), and 2 customers without data-processing consent are left out.
 * Every customer bought exactly one of the two categories, so the Garden label is
 * 1 − the Electronics label; the L2 logistic fit is then mirrored (w_Garden = −w_Electronics,
 * b_Garden = −b_Electronics) and each user's two scores add up to 1, so every channel's
 * Electronics and Garden means add up to 100 %. TikTok's users are young, Radio's old, and
 * Podcast's users are TikTok's and Radio's together, so its mean is the average of theirs.
 */
import path from "node:path";
import { expect, type Locator, test } from "@playwright/test";
import { baseURL, importFixture, openRunTab, signUp } from "./helpers";

const slug = "propensity-e2e";
const fixtures = path.resolve("tests/fixtures/e2e");

/** "93.2 %" (no-break space) → 93.2 */
function percentOf(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\u00a0%$/.exec(text.trim());
  if (!match) throw new Error(`not a percentage: ${JSON.stringify(text)}`);
  return Number(match[1]);
}

/** Users and mean propensities (in %) of one channel's row, in column order. */
async function channelRow(table: Locator, channel: string) {
  const name = table.page().getByRole("cell", { name: channel, exact: true });
  const row = table.getByRole("row").filter({ has: name });
  await expect(row).toHaveCount(1);
  const [, users = "", ...scores] = await row.getByRole("cell").allTextContents();
  return { users: Number(users), scores: scores.map(percentOf) };
}

/** [users, Electronics, Garden] of each channel, as the table shows them. */
async function channelRows(table: Locator) {
  const rows = [];
  for (const channel of ["TikTok", "Radio", "Podcast"]) {
    const { users, scores } = await channelRow(table, channel);
    expect(scores).toHaveLength(2);
    rows.push({ users, electronics: scores[0] as number, garden: scores[1] as number });
  }
  return rows;
}

type Channel = Awaited<ReturnType<typeof channelRows>>[number];

// Each shown value is rounded to 0.1 %, so a sum or mean of them may be off by up to 0.1.
const ROUNDING = 0.1 + 1e-9;

test("propensity of channel users: upload, mean score per channel and category, errors", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, {
    name: "Pelin Planner",
    email: "pelin@e2e.test",
    password: "propensity e2e password",
  });
  await page.getByLabel("Name").fill("Propensity Shop");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importFixture(slug, "customers", "propensity-customers.csv");
  importFixture(slug, "transactions", "propensity-transactions.csv");

  // Any finished run has a Products page; RFM is the quickest to get.
  await page.goto(`${baseURL()}/w/${slug}/segments`);
  await page.getByRole("button", { name: "Run RFM" }).click();
  await expect(page.getByTestId("customers-scored")).toHaveText("24", { timeout: 30_000 });
  await openRunTab(page, "Products");
  const section = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Propensity of channel users" }) });
  await expect(section).toBeVisible();
  const upload = section.getByLabel("Users CSV");
  const score = section.getByRole("button", { name: "Score users" });

  // Without a channel column nothing can be grouped: a clear message naming the columns.
  await upload.setInputFiles({
    name: "no-channel.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("source,age,gender\nTikTok,24,female\nRadio,63,male\n"),
  });
  await score.click();
  await expect(section.getByRole("alert")).toHaveText(
    'The file needs a "channel" column (also read: kanal, канал); its columns are: source, age, gender.',
  );
  await expect(section.getByRole("table")).toHaveCount(0);

  // The fixture's last row has an impossible age: skipped and reported by line and column.
  await upload.setInputFiles(path.join(fixtures, "propensity-channel-users.csv"));
  await score.click();
  await expect(section.getByRole("alert")).toContainText("1 row skipped");
  await expect(section.getByRole("alert")).toContainText(
    'Line 26, column "age": age 150 is outside 0–120',
  );
  await expect(
    section.getByText(
      "24 users scored on Age, Gender, Resident; model trained on 24 customers (2 without data-processing consent left out). Columns not used: user_id.",
    ),
  ).toBeVisible();
  await expect(section.getByRole("img")).toBeVisible();

  const table = section.getByRole("table", { name: "Mean propensity per channel" });
  await expect(table.getByRole("columnheader")).toHaveText([
    "Channel",
    "Users",
    "Electronics",
    "Garden",
  ]);
  // One row per channel of the upload, in the file's order.
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.locator("tbody tr td:first-child")).toHaveText(["TikTok", "Radio", "Podcast"]);
  const byCategory = await channelRows(table);
  const [tiktok, radio, podcast] = byCategory as [Channel, Channel, Channel];
  expect([tiktok.users, radio.users, podcast.users]).toEqual([6, 6, 12]);

  for (const channel of [tiktok, radio, podcast]) {
    for (const value of [channel.electronics, channel.garden]) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(100);
    }
    // Mirrored models: each user's two scores add up to 1.
    expect(Math.abs(channel.electronics + channel.garden - 100)).toBeLessThanOrEqual(ROUNDING);
  }
  // Young users resemble the Electronics buyers, older ones the Garden buyers; the
  // customers are separable by age, so each side of the boundary is past 50 %.
  expect(tiktok.electronics).toBeGreaterThan(50);
  expect(radio.electronics).toBeLessThan(50);
  expect(tiktok.electronics).toBeGreaterThan(radio.electronics);
  expect(radio.garden).toBeGreaterThan(tiktok.garden);
  // Podcast's users are exactly TikTok's and Radio's, so its mean is the average of theirs.
  expect(
    Math.abs(podcast.electronics - (tiktok.electronics + radio.electronics) / 2),
  ).toBeLessThanOrEqual(ROUNDING);
  expect(Math.abs(podcast.garden - (tiktok.garden + radio.garden) / 2)).toBeLessThanOrEqual(
    ROUNDING,
  );

  // Per product: each category holds a single product (Earbuds, Seed kit) with the same
  // buyers, so the models and the means are the same as per category.
  await section.getByLabel("Score per").selectOption("product");
  await upload.setInputFiles(path.join(fixtures, "propensity-channel-users.csv"));
  await score.click();
  await expect(table.getByRole("columnheader")).toHaveText([
    "Channel",
    "Users",
    "P-EARBUDS",
    "P-SEEDS",
  ]);
  expect(await channelRows(table)).toEqual(byCategory);
});
