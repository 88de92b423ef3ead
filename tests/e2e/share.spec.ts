/**
 * A share link in the browser: an editor saves a campaign ROI report of a small workspace
 * (tests/fixtures/e2e/campaigns.csv, three daily rows: Instagram spend 1,000 revenue 6,000 →
 * ROI 500 %), shares it with a password and an expiry, and someone with no account opens it
 * in a fresh browser context: password, report, a chart tooltip, the CSV. Revoking the link
 * then shows "This link is not valid".
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { baseURL, importFixture, signUp } from "./helpers";

const slug = "share-e2e";
const password = "agency password 2025";

test("share a report with a password, open it without an account, revoke it", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signUp(page, { name: "Sena Sharer", email: "sena@e2e.test", password: "share e2e pw 1" });
  await page.getByLabel("Name").fill("Share Shop Internal");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importFixture(slug, "campaigns", "campaigns.csv");

  // The campaign ROI page's figures, saved as a live report of March and April.
  const params = { from: "2025-03-01", to: "2025-04-30", by: "channel" };
  await page.goto(`${baseURL()}/w/${slug}/campaigns?${new URLSearchParams(params)}`);
  await expect(page.getByRole("heading", { name: "ROI by channel" })).toBeVisible();
  // Saved from the page itself, as a live report: the link shows the figures as of opening.
  await page.getByText("Save as report").click();
  await page.getByLabel("Title").fill("Spring ROI for the agency");
  await page.getByLabel(/Live: recomputed each time/).check();
  await page.getByRole("button", { name: "Save report" }).click();
  await expect(page).toHaveURL(/\/reports\/\d+$/);
  await expect(page.getByTestId("report-mode")).toContainText("Live: recomputed on view");
  await page
    .getByRole("navigation", { name: "Report actions" })
    .getByRole("link", { name: "Share" })
    .click();
  await expect(
    page.getByRole("heading", { name: "Share “Spring ROI for the agency”" }),
  ).toBeVisible();
  await page.getByLabel("Works for (days, 1–365)").fill("7");
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create link" }).click();
  const linkField = page.getByRole("textbox", { name: "Share link" });
  await expect(linkField).toBeVisible();
  const url = await linkField.inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  const links = page.getByRole("table", { name: "Share links" });
  await expect(links.getByRole("row").nth(1)).toContainText("active · password");

  // Someone without an account: a fresh context, no cookies.
  const visitor = await browser.newContext({ acceptDownloads: true });
  const guest = await visitor.newPage();
  const first = await guest.goto(url);
  expect(first?.status()).toBe(200);
  const headers = first?.headers() ?? {};
  expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toBe("no-store");
  await expect(guest.getByText("This report is protected by a password")).toBeVisible();
  await guest.getByLabel("Password").fill("not the password");
  await guest.getByRole("button", { name: "Open the report" }).click();
  await expect(guest.getByText("That password is not right.")).toBeVisible();
  await guest.getByLabel("Password").fill(password);
  await guest.getByRole("button", { name: "Open the report" }).click();
  await expect(guest.getByRole("heading", { name: "Spring ROI for the agency" })).toBeVisible();
  const figures = guest.getByRole("table", { name: "Figures by channel" });
  await expect(figures.getByRole("row", { name: /^Instagram 1,000\.00/ })).toContainText("500");

  // Nothing of the workspace in the page: no slug, no name, no link into the app.
  const html = await guest.content();
  expect(html).not.toContain(slug);
  expect(html).not.toContain("Share Shop Internal");
  expect(html).not.toContain("sena@e2e.test");
  expect(await guest.locator('a[href^="/w"]').count()).toBe(0);

  // Hover a bar: the tooltip shows the ROI's interval (none, with three days of rows).
  const bar = guest.getByRole("img", { name: "Bar chart with intervals" });
  await bar.locator('[data-testid^="bar.item"]').first().hover({ force: true });
  await expect(guest.getByText(/no interval/).first()).toBeVisible();

  // The CSV of the figures, formula-safe, with the page's numbers.
  const downloading = guest.waitForEvent("download");
  await guest.getByRole("link", { name: "figures-by-channel.csv" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("spring-roi-for-the-agency-figures-by-channel.csv");
  const csv = fs.readFileSync((await download.path()) as string, "utf8");
  expect(csv.startsWith("\uFEFFchannel,spend,")).toBe(true);
  expect(csv).toContain("\r\nInstagram,1000,");

  // The owner revokes the link; the visitor's next request gets the plain invalid page.
  await links.getByRole("button", { name: "Revoke" }).click();
  await expect(links.getByRole("row").nth(1)).toContainText("revoked");
  const after = await guest.reload();
  expect(after?.status()).toBe(404);
  await expect(guest.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  const invalidPage = await guest.locator("main").innerHTML();

  // Malformed and unknown tokens: the same status and the same page.
  for (const path of ["/s/", "/s/:token", "/s/0", `/s/${"A".repeat(43)}`]) {
    const reply = await guest.goto(`${baseURL()}${path}`);
    expect(reply?.status(), path).toBe(404);
    expect(reply?.headers()["x-robots-tag"], path).toBe("noindex, nofollow");
    expect(await guest.locator("main").innerHTML(), path).toBe(invalidPage);
  }
  await visitor.close();
});
