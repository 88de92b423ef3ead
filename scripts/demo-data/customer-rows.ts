import { isoDate, turkishDate, turkishNumber } from "./format";
import { OFFLINE_PHONE_STYLES, scrambleEmail, writePhone } from "./identity";
import { CITIES } from "./names";
import type { Person } from "./people";
import type { Rng } from "./random";

/**
 * One person as each source writes them. Online: English headers, ISO dates, true/false.
 * Branch: Turkish headers, dd.mm.yyyy, decimal commas, Evet/Hayır, phones and e-mails typed
 * by hand.
 */
export const ONLINE_HEADER = [
  "customer_id",
  "full_name",
  "email",
  "phone",
  "gender",
  "birth_date",
  "city",
  "monthly_income",
  "signup_date",
  "sms_consent",
  "sms_consent_date",
  "email_consent",
  "email_consent_date",
  "kvkk_consent",
  "kvkk_consent_date",
  "residency",
  "children_count",
  "credit_score",
  "num_products",
];

export const OFFLINE_HEADER = [
  "Müşteri No",
  "Ad Soyad",
  "E-posta",
  "Telefon",
  "Cinsiyet",
  "Doğum Tarihi",
  "Şehir",
  "Aylık Gelir",
  "Kayıt Tarihi",
  "SMS İzni",
  "SMS İzin Tarihi",
  "E-posta İzni",
  "E-posta İzin Tarihi",
  "KVKK Onayı",
  "KVKK Onay Tarihi",
  "Yerleşiklik",
  "Çocuk Sayısı",
  "Kredi Notu",
  "Ürün Sayısı",
];

export function onlineRow(person: Person, id: string, rng: Rng): string[] {
  const given = person.onlineConsents;
  const day = (value: number | null) => (value === null ? "" : isoDate(value));
  return [
    id,
    `${person.firstName} ${person.lastName}`,
    person.email,
    writePhone(person.phone, rng.chance(0.75) ? "e164" : "international"),
    person.female ? "female" : "male",
    isoDate(person.birthDay),
    CITIES[person.cityIndex]?.name ?? "",
    person.monthlyIncome.toFixed(2),
    isoDate(person.onlineSignup),
    String(given.sms !== null),
    day(given.sms),
    String(given.email !== null),
    day(given.email),
    String(given.kvkk !== null),
    day(given.kvkk),
    person.resident ? "resident" : "non_resident",
    String(person.children),
    String(person.creditScore),
    String(person.productsHeld),
  ];
}

export function offlineRow(person: Person, id: string, rng: Rng): string[] {
  const given = person.offlineConsents;
  const yesNo = (value: number | null) => (value === null ? "Hayır" : "Evet");
  const day = (value: number | null) => (value === null ? "" : turkishDate(value));
  const fullName = `${person.firstName} ${person.lastName}`;
  // Someone in both files must be written differently here, or matching would be trivial.
  const email =
    person.offlineEmail === null
      ? ""
      : person.overlap !== null || rng.chance(0.5)
        ? scrambleEmail(person.offlineEmail, rng)
        : person.offlineEmail;
  const declaredIncome = rng.chance(0.5)
    ? Math.round(person.monthlyIncome / 100) * 100
    : person.monthlyIncome;
  return [
    id,
    rng.chance(0.5) ? fullName.toLocaleUpperCase("tr-TR") : fullName,
    email,
    writePhone(person.offlinePhone, rng.pick(OFFLINE_PHONE_STYLES)),
    person.female ? "Kadın" : "Erkek",
    turkishDate(person.birthDay),
    CITIES[person.cityIndex]?.name ?? "",
    turkishNumber(declaredIncome),
    turkishDate(person.offlineSignup),
    yesNo(given.sms),
    day(given.sms),
    yesNo(given.email),
    day(given.email),
    yesNo(given.kvkk),
    day(given.kvkk),
    person.resident ? "Yerleşik" : "Yerleşik Değil",
    String(person.children),
    String(person.creditScore),
    String(person.productsHeld),
  ];
}
