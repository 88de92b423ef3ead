/** Common Turkish given names and surnames, spelled with their Turkish letters. */
export const FEMALE_NAMES: readonly string[] = (
  "Ayşe Fatma Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hülya Özlem Gülşen Büşra " +
  "Esra Merve Kübra Tuğba Gökçe İrem Ceren Dilara Ebru Yağmur Sevgi Nurcan Gülay Şule " +
  "Çiğdem Öykü Ecrin Defne Ela Nisa Songül Derya İlknur Aslı Pınar Sibel"
).split(" ");

export const MALE_NAMES: readonly string[] = (
  "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan " +
  "Halil Süleyman Abdullah Mahmut Recep Salih Emre Burak Oğuz Gökhan Çağlar Serkan Uğur " +
  "Barış Tolga Kerem Doğan Eren Berk Arda Yiğit Çınar Alperen Şahin İlker Onur Tunç"
).split(" ");

export const SURNAMES: readonly string[] = (
  "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç " +
  "Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır Erdoğan Yavuz Can Acar " +
  "Şen Aktaş Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal Turan Gül Özer Işık Kaplan Avcı " +
  "Sarı Tekin Taş Köse Yüksel Ateş Aksoy Karataş Uçar Sönmez Erdem Toprak Akgül Çiftçi Eren " +
  "Türkmen Gündoğdu"
).split(" ");

export interface City {
  name: string;
  /** Three-letter prefix of the partner stores' ids, e.g. IST-014. */
  storeCode: string;
  /** Population in millions, used as the weight for where customers live. */
  population: number;
  /** Three of Türkiye's biggest cities, where the digital personas concentrate. */
  metropolitan: boolean;
}

export const CITIES: readonly City[] = [
  { name: "İstanbul", storeCode: "IST", population: 15.7, metropolitan: true },
  { name: "Ankara", storeCode: "ANK", population: 5.8, metropolitan: true },
  { name: "İzmir", storeCode: "IZM", population: 4.5, metropolitan: true },
  { name: "Bursa", storeCode: "BRS", population: 3.2, metropolitan: false },
  { name: "Antalya", storeCode: "ANT", population: 2.7, metropolitan: false },
  { name: "Konya", storeCode: "KON", population: 2.3, metropolitan: false },
  { name: "Adana", storeCode: "ADA", population: 2.3, metropolitan: false },
  { name: "Gaziantep", storeCode: "GAZ", population: 2.2, metropolitan: false },
  { name: "Şanlıurfa", storeCode: "SFA", population: 2.2, metropolitan: false },
  { name: "Kocaeli", storeCode: "KOC", population: 2.1, metropolitan: false },
  { name: "Mersin", storeCode: "MER", population: 1.9, metropolitan: false },
  { name: "Diyarbakır", storeCode: "DIY", population: 1.8, metropolitan: false },
  { name: "Kayseri", storeCode: "KAY", population: 1.4, metropolitan: false },
  { name: "Samsun", storeCode: "SAM", population: 1.4, metropolitan: false },
  { name: "Denizli", storeCode: "DEN", population: 1.1, metropolitan: false },
  { name: "Muğla", storeCode: "MUG", population: 1.0, metropolitan: false },
  { name: "Eskişehir", storeCode: "ESK", population: 0.9, metropolitan: false },
  { name: "Trabzon", storeCode: "TRB", population: 0.8, metropolitan: false },
];

/** Partner stores per city: about one per half million people, at least one. */
export function storeCount(city: City): number {
  return Math.max(1, Math.round(city.population * 2));
}

export function storeId(city: City, storeNumber: number): string {
  return `${city.storeCode}-${String(storeNumber).padStart(3, "0")}`;
}

export const EMAIL_DOMAINS = [
  "gmail.com",
  "hotmail.com",
  "outlook.com",
  "yahoo.com",
  "icloud.com",
  "yandex.com",
  "mynet.com",
] as const;
export const EMAIL_DOMAIN_WEIGHTS = [46, 24, 9, 6, 7, 5, 3];

/** Turkcell (53x), Vodafone (54x) and Türk Telekom (50x, 55x) mobile prefixes. */
export const MOBILE_PREFIXES: readonly string[] = (
  "501 505 506 507 530 531 532 533 534 535 536 537 538 539 541 542 543 544 545 546 547 548 " +
  "549 551 552 553 554 555 559"
).split(" ");

/** Country code and digit count of the foreign mobiles some non-residents give. */
export const FOREIGN_MOBILES = [
  { countryCode: "49", prefix: "15", digits: 9 },
  { countryCode: "31", prefix: "6", digits: 8 },
  { countryCode: "44", prefix: "7", digits: 9 },
] as const;

const ASCII_FOLD: Record<string, string> = {
  ç: "c",
  ğ: "g",
  ı: "i",
  i: "i",
  ö: "o",
  ş: "s",
  ü: "u",
  Ç: "c",
  Ğ: "g",
  İ: "i",
  I: "i",
  Ö: "o",
  Ş: "s",
  Ü: "u",
};

/** "Çiğdem Işık" -> "cigdem isik": e-mail local parts are written without Turkish letters. */
export function asciiFold(text: string): string {
  return text
    .split("")
    .map((letter) => ASCII_FOLD[letter] ?? letter.toLowerCase())
    .join("")
    .replace(/[^a-z0-9 ]/g, "");
}
