// The Offer cost panel's messages are codes the page words in its reader's language: the
// form's checks, a product nobody sells (with its suggestions) and a window too long for
// the history read in Turkish and Russian, and in English as before.
import { describe, expect, it } from "vitest";
import { localeT } from "~/i18n/locale-t";
import { translateMessage } from "~/i18n/message";
import { offerCostPanel } from "~/offers/offer-cost-page.server";
import { writeOfferHistory } from "../../helpers/offer-history";
import { setUpIngest } from "../ingest/support";

const { dir, scope, importOk } = setUpIngest("offer-i18n");
const files = writeOfferHistory(dir);
await importOk("customers", files.customers);
await importOk("transactions", files.transactions);

function errorsIn(locale: "en" | "tr" | "ru", query: string): Record<string, string> {
  const { errors } = offerCostPanel(scope, new URLSearchParams(query));
  const t = localeT(locale);
  return Object.fromEntries(
    Object.entries(errors).map(([field, text]) => [field, translateMessage(t, text)]),
  );
}

describe("Offer cost messages in three languages", () => {
  const unknown = "offerProduct=Credit+Crad&offerCost=15&offerMonths=1&offerUplift=20";
  const tooLong = "offerProduct=Credit+Card&offerCost=15&offerMonths=7&offerUplift=20";
  const notNumber = "offerProduct=CARD-1&offerCost=abc&offerMonths=30&offerUplift=2000";

  it("name an unknown product and suggest one", () => {
    expect(errorsIn("en", unknown).offerProduct).toBe(
      'No product code, product name or category is "Credit Crad". Did you mean: Credit Card (category)?',
    );
    expect(errorsIn("tr", unknown).offerProduct).toBe(
      '"Credit Crad" adında bir ürün kodu, ürün adı ya da kategori yok. Bunu mu demek istediniz: Credit Card (kategori)?',
    );
    expect(errorsIn("ru", unknown).offerProduct).toBe(
      "Нет кода продукта, названия продукта или категории «Credit Crad». Возможно, вы имели в виду: Credit Card (категория)?",
    );
  });

  it("say the history is too short for the window", () => {
    expect(errorsIn("tr", tooLong).offerToDay).toBe(
      "Geçmiş çok kısa: yeni müşteriler katılımdan sonra en fazla 180 gün izleniyor (2025-01-01 ile 2025-06-30 arası satışlar), pencere ise 210 gün gerektiriyor. Pencereyi kısaltın ya da daha uzun bir geçmiş yükleyin.",
    );
    expect(errorsIn("ru", tooLong).offerToDay).toBe(
      "Слишком короткая история: новых клиентов видно не дольше 180 дн. после прихода (продажи с 2025-01-01 по 2025-06-30), а окну нужно 210 дн. Сократите окно или загрузите более длинную историю.",
    );
  });

  it("word the form's checks, numbers in the reader's format", () => {
    expect(errorsIn("tr", notNumber)).toEqual({
      offerCost: "Sayı olarak girin: müşteri başına aylık maliyet",
      offerMonths: "Teklif 1 ile 24 ay arası sürer",
      offerUplift: "Artış en fazla %1.000 olabilir",
    });
    const ru = errorsIn("ru", notNumber);
    expect(ru).toMatchObject({
      offerCost: "Введите числом: стоимость на клиента в месяц",
      offerMonths: "Предложение длится от 1 до 24 месяцев",
    });
    // Russian groups thousands with a (narrow) no-break space.
    expect(ru.offerUplift).toMatch(/^Прирост может быть не больше 1\s000 %$/);
  });
});
