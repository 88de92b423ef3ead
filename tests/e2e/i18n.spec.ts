/**
 * The UI in Turkish and in Russian: the switcher changes the language at once, remembers it
 * for the account, and the Campaigns page reads and writes its figures the local way.
 * Fixture tests/fixtures/e2e/campaigns.csv (see campaigns.spec.ts): Instagram spend 1000,
 * ROI 500 %; total spend 2,700, ROI 326 %.
 */
import { expect, test } from "@playwright/test";
import { baseURL, importFixture, logIn, signUp } from "./helpers";

const slug = "i18n-e2e";
const user = {
  name: "Ayşe Pazarlamacı",
  email: "ayse.languages@e2e.test",
  password: "languages e2e pw",
};

test("switching to Turkish and Russian translates labels and number formats", async ({ page }) => {
  test.setTimeout(60_000);
  await signUp(page, user);
  await page.getByLabel("Name").fill("Dil Mağazası");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`${baseURL()}/w/${slug}`);
  importFixture(slug, "campaigns", "campaigns.csv");

  await page.goto(`${baseURL()}/w/${slug}/campaigns`);
  await expect(page.getByRole("heading", { name: "ROI by channel" })).toBeVisible();

  // Turkish: labels, "1.000,00" and the percent sign first.
  await page.getByRole("button", { name: "Türkçe" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "tr");
  await expect(page.getByRole("heading", { level: 1, name: "Kampanyalar" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "kanal bazında ROI" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kampanyalar" })).toBeVisible();
  let figures = page.getByRole("table", { name: "kanal bazında rakamlar" });
  await expect(figures.getByRole("columnheader", { name: "Harcama" })).toBeVisible();
  await expect(figures.getByRole("row", { name: /^Instagram 1\.000,00/ })).toContainText("%500");
  await expect(figures.getByRole("row", { name: /^Toplam 2\.700,00/ })).toContainText("%326");
  await expect(page.getByTestId("row-counts")).toHaveText("3 satır sayıldı.");

  // Russian: labels, a plural form, "1 000,00" and "500 %".
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { name: "ROI по каналам" })).toBeVisible();
  figures = page.getByRole("table", { name: "Показатели по каналам" });
  await expect(figures.getByRole("columnheader", { name: "Расходы" })).toBeVisible();
  await expect(figures.getByRole("row", { name: /^Instagram 1\s000,00/ })).toContainText(
    "500\u00a0%",
  );
  await expect(figures.getByRole("row", { name: /^Итого 2\s700,00/ })).toContainText("326\u00a0%");
  await expect(page.getByTestId("row-counts")).toHaveText("Учтено 3 строки.");

  // The choice belongs to the account: a browser that remembers nothing (English login
  // page) gets Russian back once this user logs in.
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page.getByRole("heading", { name: "Вход" })).toBeVisible();
  await page.context().clearCookies();
  await logIn(page, user.email, user.password);
  await expect(page.getByRole("heading", { name: "Ваши рабочие пространства" })).toBeVisible();
  await page.goto(`${baseURL()}/w/${slug}/campaigns`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1, name: "Кампании" })).toBeVisible();
});
