/**
 * Charts read like the tables: on the demo workspace (scripts/demo-data at a tenth of its
 * customers, imported through the CLI), one chart of each kind is hovered and its tooltip's
 * text is checked against the figure the page's table shows for the same point:
 * - line: campaign spend and revenue by month, against the chart's own table of figures;
 * - bar: ROI by channel (with intervals) against "Figures by channel", and the RFM shares
 *   against the RFM segments table;
 * - heat map: category lift by segment against the segment's category table;
 * - scatter: a customer on the PCA plane, named in words, with the members table's digits,
 *   and its PC1 and PC2 against the same dot in the chart's own table of figures.
 * The expected figures are read from the tables, so the test holds whatever the demo's
 * seeded numbers are, and fails on a raw float ("8135.83333333") or a bare "x: 6, y: 11".
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { baseURL, importDemoData, openRunTab, signUp } from "./helpers";

const slug = "charts-e2e";

const tooltip = (page: Page) => page.getByTestId("chart-tooltip");

/** The tooltip's title and its figure lines. */
async function tooltipText(page: Page): Promise<{ title: string; lines: string[] }> {
  const box = tooltip(page);
  await expect(box).toBeVisible();
  const title = (await box.locator("strong").innerText()).trim();
  const lines = (await box.locator("div").allInnerTexts()).map((line) => line.trim());
  return { title, lines };
}

/** The chart drawn right after a heading (charts are the heading's next `.chart` frame). */
function chartAfter(page: Page, heading: string | RegExp): Locator {
  return page
    .getByRole("heading", { name: heading })
    .locator("xpath=following-sibling::div[contains(@class, 'chart')][1]");
}

/** A table's column, by its heading's text. */
async function columnIndex(table: Locator, heading: string): Promise<number> {
  const headings = (await table.locator("thead th").allInnerTexts()).map((h) => h.trim());
  const index = headings.indexOf(heading);
  expect(index, `column "${heading}" in ${headings.join(", ")}`).toBeGreaterThanOrEqual(0);
  return index;
}

const escapeRegExp = (text = "") => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The raw floats of nivo's defaults: more than two decimals, or ungrouped thousands. */
const RAW_FLOAT = /\d\.\d{3,}|\d{4,}/;

test("chart tooltips show the tables' figures: line, bar, heat map and scatter", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUp(page, {
    name: "Ceren Charts",
    email: "charts@e2e.test",
    password: "charts e2e password",
  });
  await page.getByLabel("Name").fill("Charts Bank");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importDemoData(slug);
  const w = `${baseURL()}/w/${slug}`;

  // Line: spend and revenue by month. Hover the middle of the plot; the slice's tooltip
  // names the month's first day and each series' amount, as the figures table writes them.
  await page.goto(`${w}/campaigns?by=channel&granularity=month`);
  const line = chartAfter(page, "Spend and revenue by month");
  await line.scrollIntoViewIfNeeded();
  const lineBox = await line.locator("svg").first().boundingBox();
  if (!lineBox) throw new Error("the line chart has no box");
  await page.mouse.move(lineBox.x + lineBox.width * 0.45, lineBox.y + lineBox.height * 0.5);
  const slice = await tooltipText(page);
  expect(slice.title).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(slice.lines).toHaveLength(2);
  for (const text of slice.lines) expect(text).toMatch(/^(spend|revenue): −?₺[\d,]+\.\d{2}$/);
  const figures = line.locator("xpath=following-sibling::details[1]");
  await figures.locator("summary").click();
  const figuresTable = figures.getByRole("table", { name: "Figures of the chart" });
  const dayRow = figuresTable.getByRole("row", {
    name: new RegExp(`^${escapeRegExp(slice.title)} `),
  });
  for (const text of slice.lines) {
    const [series, amount] = text.split(": ");
    const cell = dayRow.locator("th, td").nth(await columnIndex(figuresTable, series as string));
    await expect(cell).toHaveText(amount as string);
  }

  // Bar with intervals: ROI of a channel and its interval, as "Figures by channel" shows them.
  await page.goto(`${w}/campaigns?by=channel`);
  const roiChart = page.getByRole("img", { name: "Bar chart with intervals" });
  await roiChart.locator('[data-testid^="bar.item"]').nth(1).hover({ force: true });
  const roiBar = await tooltipText(page);
  const [roiLine, intervalLine] = roiBar.lines;
  expect(roiLine).toMatch(/^ROI: −?[\d,]+\s%$/);
  const roiTable = page.getByRole("table", { name: "Figures by channel" });
  const roiCell = roiTable
    .getByRole("row", { name: new RegExp(`^${escapeRegExp(roiBar.title)} `) })
    .locator("th, td")
    .nth(await columnIndex(roiTable, "ROI"));
  const [roiFigure, roiInterval] = (await roiCell.innerText()).split("\n").map((s) => s.trim());
  expect(roiLine).toBe(`ROI: ${roiFigure}`);
  // "80 % interval: 650 % to 820 %" in the tooltip; "650 % to 820 %" under the figure.
  expect(intervalLine?.replace(/^.*interval: /, "").replace(/\s+/g, " ")).toBe(
    roiInterval?.replace(/\s+/g, " "),
  );

  // RFM run: its bars, its heat map (Products tab) and, after a k-means run, its scatter.
  await page.goto(`${w}/segments`);
  await page.getByRole("button", { name: "Run RFM" }).click();
  await expect(page.getByTestId("customers-scored")).toBeVisible({ timeout: 60_000 });
  const runUrl = page.url();

  // Bar: a segment's share of customers, as the RFM segments table writes it.
  const shares = chartAfter(page, "Share of customers and of revenue by segment");
  await shares.locator('[data-testid^="bar.item"]').first().hover({ force: true });
  const shareBar = await tooltipText(page);
  expect(shareBar.lines).toHaveLength(1);
  const [series, share] = (shareBar.lines[0] as string).split(": ");
  expect(share).toMatch(/^\d+\.\d\s%$/);
  const segments = page.getByRole("table", { name: "RFM segments" });
  const segmentRow = segments.getByRole("row", {
    name: new RegExp(`^${escapeRegExp(shareBar.title)} `),
  });
  const shareColumn = series === "Customers" ? "Share" : "Revenue share";
  await expect(
    segmentRow.locator("th, td").nth(await columnIndex(segments, shareColumn)),
  ).toHaveText(share as string);

  // Heat map: the top category of the first segment, as its "Category" table shows its lift.
  await openRunTab(page, "Products");
  const firstSegment = page.getByRole("region", { name: /^Products for / }).first();
  const segmentName = ((await firstSegment.getAttribute("aria-label")) as string).replace(
    /^Products for /,
    "",
  );
  const categories = firstSegment.getByRole("table", { name: "Category" });
  const topCategory = categories.getByRole("row").nth(1);
  const category = (await topCategory.locator("th, td").first().innerText()).trim();
  const lift = (
    await topCategory
      .locator("th, td")
      .nth(await columnIndex(categories, "Lift"))
      .innerText()
  ).trim();
  await page.getByTestId(`cell.${segmentName}.${category}`).hover({ force: true });
  const cell = await tooltipText(page);
  expect(cell).toEqual({ title: `${segmentName} × ${category}`, lines: [`Lift: ${lift}`] });

  // Scatter: a customer on the PCA plane of a k-means run.
  await page.goto(`${w}/segments`);
  await page.getByLabel("Income", { exact: true }).check();
  await page.getByLabel("Age", { exact: true }).check();
  await page.getByRole("button", { name: "Cluster customers" }).click();
  await expect(page.getByTestId("chosen-k")).toBeVisible({ timeout: 60_000 });
  expect(page.url()).not.toBe(runUrl);
  const plane = chartAfter(page, "Customers on the first two principal components");
  // Each dot answers the pointer; the dots draw after hydration and settle from their
  // animation, hence the retries.
  await plane.scrollIntoViewIfNeeded();
  await expect(async () => {
    await plane.locator("svg circle").nth(10).hover({ force: true });
    await expect(tooltip(page)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const dot = await tooltipText(page);
  const [who, values] = (dot.lines[0] as string).split(": ");
  expect(values).toMatch(/^Income .+, Age .+$/);
  // The dot's group is one of the run's clusters, its customer named in words, and each
  // figure written as the members table writes it (grouped, at most two decimals).
  await expect(
    page.getByRole("heading", { name: new RegExp(`^${escapeRegExp(dot.title)} cluster \\d+`) }),
  ).toBeVisible();
  expect(who).toMatch(/\p{L}/u);
  expect(who).not.toMatch(/#\d+/);
  expect(values).toMatch(/^Income \d{1,3}(,\d{3})*(\.\d{2})?, Age \d{1,3}$/);
  // The same dot in the chart's figures table: its group and words, and each axis' figure
  // as the tooltip writes it ("PC1: 1.23", "PC2: −0.45").
  const [pc1Line, pc2Line] = dot.lines.slice(1);
  expect(pc1Line).toMatch(/^PC1: −?\d+(\.\d{1,2})?$/);
  expect(pc2Line).toMatch(/^PC2: −?\d+(\.\d{1,2})?$/);
  const planeFigures = plane.locator("xpath=following-sibling::details[1]");
  await planeFigures.locator("summary").click();
  const planeTable = planeFigures.getByRole("table", { name: "Figures of the chart" });
  const dotRow = planeTable.getByRole("row", {
    name: new RegExp(`^${escapeRegExp(dot.title)} ${escapeRegExp(dot.lines[0])} `),
  });
  await expect(dotRow).toHaveCount(1);
  for (const text of [pc1Line, pc2Line]) {
    const [axis, figure] = (text as string).split(": ");
    const column = await columnIndex(planeTable, axis as string);
    await expect(dotRow.locator("th, td").nth(column)).toHaveText(figure as string);
  }

  const figureLines = [slice, roiBar, shareBar, cell].flatMap((t) => t.lines);
  for (const text of [...figureLines, values as string, ...dot.lines.slice(1)]) {
    expect(text, "no raw float in a tooltip").not.toMatch(RAW_FLOAT);
  }
});
