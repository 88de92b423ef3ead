/**
 * The demo workspace (scripts/demo-data at a tenth of its customers, imported through the
 * CLI as `npm run demo` does) in the browser: ROI by channel with intervals, the fitted
 * response curves, a forecast with intervals, a budget plan and the cost of an offer, each
 * with a chart tooltip hovered where the page has a chart.
 */
import { expect, test } from "@playwright/test";
import { baseURL, importDemoData, signUp } from "./helpers";

const slug = "demo-e2e";

test("demo workspace: campaign ROI, response curves, a forecast, a plan and an offer cost", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signUp(page, {
    name: "Deniz Planner",
    email: "demo-owner@e2e.test",
    password: "forecast e2e pw",
  });
  await page.getByLabel("Name").fill("Demo Bank");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importDemoData(slug);

  // Campaign ROI: every channel of the demo has daily rows, so each ROI has an interval.
  await page.goto(`${baseURL()}/w/${slug}/campaigns`);
  await expect(page.getByRole("heading", { name: "ROI by channel" })).toBeVisible();
  const figures = page.getByRole("table", { name: "Figures by channel" });
  await expect(figures.getByRole("row", { name: /^Google Search / })).toBeVisible();
  const bars = page.getByRole("img", { name: "Bar chart with intervals" });
  await bars.locator('[data-testid^="bar.item"]').first().hover({ force: true });
  await expect(page.getByText(/80\s%\sinterval/).first()).toBeVisible();

  // The curves are fitted by the worker after the campaigns import: reload until they are.
  await expect(async () => {
    await page.goto(`${baseURL()}/w/${slug}/forecast`);
    await expect(page.getByRole("heading", { name: "Response curves by channel" })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 90_000 });
  const searchCurve = page.getByRole("region", { name: "Response curve Google Search" });
  await expect(searchCurve).toContainText("Carry-over");

  // A forecast: a month on Google Search.
  const forecast = page.getByRole("region", { name: "Forecast of a planned campaign" });
  // The label wraps the select, so its name includes every option: find it by its name.
  await forecast.locator('select[name="channel"]').selectOption("Google Search");
  await forecast.getByLabel("Total budget", { exact: true }).fill("300000");
  await forecast.getByLabel("From", { exact: true }).fill("2026-11-01");
  await forecast.getByLabel("To", { exact: true }).fill("2026-11-30");
  await forecast.getByRole("button", { name: "Forecast" }).click();
  await expect(forecast.getByRole("table")).toContainText("on Google Search over 30 days");
  await expect(forecast.getByRole("row", { name: /^Conversions / })).toContainText(/\(80\s%:/);
  await expect(forecast.getByRole("row", { name: /^Revenue / })).toContainText(/\(80\s%:/);

  // The curve card now marks the planned daily spend; hover the curve for its tooltip.
  const curve = searchCurve.getByRole("img");
  await curve.scrollIntoViewIfNeeded();
  await expect(curve).toBeVisible();
  const box = await curve.boundingBox();
  if (!box) throw new Error("the curve has no box");
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  // The tooltip reads in the axes' words, money formatted (never the raw float).
  const tooltip = page.getByText(/^Daily spend: \d{1,3}(,\d{3})*\.\d{2}$/);
  await expect(tooltip.first()).toBeVisible();

  // A plan: the same month, 1.5 million across all channels.
  const planner = page.getByRole("region", { name: "Budget planner" });
  await planner.getByLabel("Total budget", { exact: true }).fill("1500000");
  await planner.getByLabel("From", { exact: true }).fill("2026-11-01");
  await planner.getByLabel("To", { exact: true }).fill("2026-11-30");
  await planner.getByRole("button", { name: "Plan" }).click();
  await expect(planner.getByRole("row", { name: /^Planned split / })).toContainText(/\(80\s%:/);
  // The result row (current, planned, change…), not the row of the bounds form.
  await expect(planner.getByRole("row", { name: /^Google Search \d[\d,]*\.\d{2} / })).toBeVisible();

  // The cost of an offer: two months of free card servicing (50 a month) for new clients,
  // expected to raise card take-up in the first 60 days by 20 %.
  const offer = page.getByRole("region", { name: "Offer cost" });
  await offer.getByLabel("Product, code or category", { exact: true }).fill("credit card");
  await offer.getByLabel("Cost per client per month", { exact: true }).fill("50");
  await offer.getByLabel("Months (1–24)", { exact: true }).fill("2");
  await offer.getByLabel("Expected uplift, %", { exact: true }).fill("20");
  await offer.getByRole("button", { name: "Price the offer" }).click();
  const offerFigures = offer.getByRole("table", { name: "Offer cost figures" });
  await expect(offerFigures).toContainText("Credit Card (category): 2 months at ₺50.00");
  await expect(
    offerFigures.getByRole("row", { name: /^Additional activated clients / }),
  ).toContainText(/\d[\d,]*\.\d clients per month of new clients/);
  await expect(
    offerFigures.getByRole("row", { name: /^Cost per additional activation / }),
  ).toContainText(/₺[\d,]+\.\d{2} per additional activated client/);
  // Hover the activation curve: the tooltip reads the day and the share, formatted.
  const activation = offer.getByRole("img");
  await activation.scrollIntoViewIfNeeded();
  const curveBox = await activation.boundingBox();
  if (!curveBox) throw new Error("the activation curve has no box");
  await page.mouse.move(curveBox.x + curveBox.width * 0.4, curveBox.y + curveBox.height * 0.5);
  await expect(page.getByText(/^Day \d{1,3}: \d{1,3}\.\d\s%\sactivated$/).first()).toBeVisible();
});
