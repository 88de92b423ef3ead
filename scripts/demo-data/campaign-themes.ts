/**
 * What the bank advertises and when: seasonal pushes start near fixed dates of the
 * Turkish calendar, always-on products (cards, loans, funds) can start any time.
 */
export interface CampaignTheme {
  name: string;
  productCodes: readonly string[];
  /** Possible start dates, or null for "any time in the period". */
  starts: readonly string[] | null;
  days: readonly [number, number];
  /** Seasonal intent: people convert more readily during the occasion. */
  boost: number;
}

export const CAMPAIGN_THEMES: readonly CampaignTheme[] = [
  {
    name: "Efsane Cuma",
    productCodes: ["ELC-001", "ELC-002", "ELC-005", "FSH-007", "HOM-001"],
    starts: ["2024-11-18", "2025-11-17"],
    days: [10, 14],
    boost: 1.35,
  },
  {
    name: "Yılbaşı Fırsatları",
    productCodes: ["ELC-004", "FSH-001", "HBE-003"],
    starts: ["2024-12-08", "2025-12-08"],
    days: [14, 23],
    boost: 1.15,
  },
  {
    name: "Ramazan Bereketi",
    productCodes: ["GRC-001", "GRC-004", "DIN-004"],
    starts: ["2025-02-24", "2026-02-14"],
    days: [28, 34],
    boost: 1.2,
  },
  {
    name: "Bayram Tatili",
    productCodes: ["TRV-002", "TRV-003", "TRV-006"],
    starts: ["2025-03-03", "2025-05-12", "2026-02-23", "2026-05-04"],
    days: [20, 26],
    boost: 1.2,
  },
  {
    name: "Yaz Tatili Erken Rezervasyon",
    productCodes: ["TRV-002", "TRV-004"],
    starts: ["2025-03-15", "2026-03-15"],
    days: [30, 45],
    boost: 1.1,
  },
  {
    name: "Anneler Günü",
    productCodes: ["HBE-003", "HBE-002", "FSH-006"],
    starts: ["2025-04-24", "2026-04-23"],
    days: [14, 16],
    boost: 1.25,
  },
  {
    name: "Okula Dönüş",
    productCodes: ["ELC-002", "ELC-006", "FSH-004"],
    starts: ["2025-08-18", "2026-08-17"],
    days: [21, 28],
    boost: 1.1,
  },
  {
    name: "Kredi Kartı Kazanım",
    productCodes: ["BCC-001", "BCC-002", "BCC-003"],
    starts: null,
    days: [21, 45],
    boost: 1,
  },
  {
    name: "İhtiyaç Kredisi",
    productCodes: ["BLN-001", "BLN-002"],
    starts: null,
    days: [14, 30],
    boost: 1,
  },
  {
    name: "Konut Kredisi Fırsatı",
    productCodes: ["BMG-001"],
    starts: null,
    days: [30, 60],
    boost: 1,
  },
  {
    name: "Kasko ve Sağlık Sigortası",
    productCodes: ["BIN-001", "BIN-003"],
    starts: null,
    days: [21, 40],
    boost: 1,
  },
  {
    name: "Fon Yatırım Günleri",
    productCodes: ["BFN-001", "BFN-002"],
    starts: null,
    days: [14, 30],
    boost: 1,
  },
  {
    name: "Akaryakıt İndirimi",
    productCodes: ["FUE-001", "FUE-002"],
    starts: null,
    days: [14, 28],
    boost: 1,
  },
  {
    name: "Market Haftası",
    productCodes: ["GRC-003", "GRC-009"],
    starts: null,
    days: [7, 14],
    boost: 1,
  },
  {
    name: "Vadeli Mevduat Hoş Geldin Faizi",
    productCodes: ["BDP-001"],
    starts: null,
    days: [14, 30],
    boost: 1,
  },
];

/**
 * What one conversion is worth in TRY at list prices. Retail: the order (a grocery or fuel
 * conversion is a basket, not one item). Bank: the product's value to the bank.
 */
export const BANK_CONVERSION_VALUE: Readonly<Record<string, number>> = {
  "Credit Card": 2500,
  "Consumer Loan": 7000,
  Deposit: 900,
  Insurance: 3000,
  Mortgage: 30_000,
  "Investment Fund": 1800,
};

export const BASKET_VALUE: Readonly<Record<string, number>> = {
  Groceries: 1100,
  Dining: 700,
  Fuel: 1800,
};
