/**
 * Product catalogue of the bank and its retail partners. products.csv is written from this
 * list and every transaction and campaign points at one of its codes.
 */
export const CATEGORIES = [
  "Groceries",
  "Electronics",
  "Fashion",
  "Travel",
  "Fuel",
  "Dining",
  "Home & Garden",
  "Health & Beauty",
  "Credit Card",
  "Consumer Loan",
  "Deposit",
  "Insurance",
  "Mortgage",
  "Investment Fund",
] as const;

export type Category = (typeof CATEGORIES)[number];

const BANK_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  "Credit Card",
  "Consumer Loan",
  "Deposit",
  "Insurance",
  "Mortgage",
  "Investment Fund",
]);

export function isBankCategory(category: Category): boolean {
  return BANK_CATEGORIES.has(category);
}

export interface Product {
  code: string;
  name: string;
  category: Category;
  /** List price in TRY as of the start of the period (November 2024). */
  price: number;
  /**
   * Amounts the customer chooses (fund purchases, savings orders, instalments) vary around
   * the list price instead of being fixed.
   */
  variableAmount: boolean;
}

type Row = readonly [name: string, price: number];

/** Products by category: [Turkish name, list price in TRY]. */
const ROWS: Record<Category, readonly Row[]> = {
  Groceries: [
    ["Ayçiçek Yağı 5 L", 389.9],
    ["Tam Buğday Ekmeği", 24.5],
    ["Beyaz Peynir 1 kg", 289.0],
    ["Çay 1 kg", 219.9],
    ["Baldo Pirinç 2,5 kg", 164.5],
    ["Süt 1 L", 37.5],
    ["Kuru Kayısı 500 g", 149.0],
    ["Yumurta 30'lu", 154.9],
    ["Dana Kıyma 1 kg", 549.0],
  ],
  Electronics: [
    ["Akıllı Telefon Nova X12", 34999],
    ["Dizüstü Bilgisayar Atlas 15", 42999],
    ["Kablosuz Kulaklık Ses Pro", 2499],
    ["Akıllı Saat Zaman 3", 6499],
    ["55 inç 4K Televizyon", 27999],
    ["Tablet Defter 11", 12999],
    ["Powerbank 20000 mAh", 899],
  ],
  Fashion: [
    ["Kadın Trençkot", 3299],
    ["Erkek Kot Pantolon", 1299],
    ["Deri Ayakkabı", 2799],
    ["Pamuklu Tişört", 399],
    ["Çocuk Montu", 1899],
    ["İpek Eşarp", 749],
    ["Spor Ayakkabı", 3499],
  ],
  Travel: [
    ["Yurt İçi Uçak Bileti", 2450],
    ["Antalya Otel Paketi 3 Gece", 18500],
    ["Kapadokya Tur Paketi", 9800],
    ["Yurt Dışı Uçak Bileti", 11500],
    ["Otobüs Bileti", 850],
    ["Araç Kiralama Günlük", 1650],
  ],
  Fuel: [
    ["Kurşunsuz Benzin 95 (Litre)", 43.8],
    ["Motorin (Litre)", 42.1],
    ["LPG Otogaz (Litre)", 24.6],
  ],
  Dining: [
    ["Restoran Hesabı", 1250],
    ["Kahve ve Tatlı", 320],
    ["Yemek Siparişi", 480],
    ["İftar Menüsü", 650],
    ["Fast Food Menü", 290],
  ],
  "Home & Garden": [
    ["Çamaşır Makinesi", 21999],
    ["Buzdolabı No-Frost", 32999],
    ["Nevresim Takımı", 1199],
    ["Bahçe Mobilyası Seti", 8999],
    ["Elektrikli Süpürge", 5499],
    ["Porselen Yemek Takımı", 2899],
  ],
  "Health & Beauty": [
    ["Şampuan 500 ml", 149.9],
    ["Yüz Kremi", 459],
    ["Parfüm 100 ml", 2399],
    ["Vitamin D3", 189],
    ["Diş Macunu", 89.9],
    ["Saç Kurutma Makinesi", 1899],
  ],
  "Credit Card": [
    ["Anadolu Klasik Kart Yıllık Aidat", 650],
    ["Anadolu Platinum Kart Yıllık Aidat", 2400],
    ["Anadolu Genç Kart Yıllık Aidat", 150],
    ["Ticari Kart Yıllık Aidat", 1800],
  ],
  "Consumer Loan": [
    ["İhtiyaç Kredisi Taksiti", 4800],
    ["Taşıt Kredisi Taksiti", 9500],
    ["Eğitim Kredisi Taksiti", 2200],
  ],
  Deposit: [
    ["Vadeli Mevduat Talimatı", 5000],
    ["Altın Hesabı Alımı", 3000],
    ["Döviz Hesabı Alımı", 4000],
  ],
  Insurance: [
    ["Kasko Poliçesi", 18500],
    ["Konut Sigortası (DASK)", 1250],
    ["Tamamlayıcı Sağlık Sigortası", 9500],
    ["Seyahat Sağlık Sigortası", 450],
    ["Hayat Sigortası", 3600],
  ],
  Mortgage: [
    ["Konut Kredisi Taksiti", 27500],
    ["Konut Kredisi Dosya Masrafı", 4500],
  ],
  "Investment Fund": [
    ["Altın Fonu Alımı", 7500],
    ["Hisse Senedi Fonu Alımı", 10000],
    ["Para Piyasası Fonu Alımı", 6000],
    ["Eurobond Fonu Alımı", 9000],
  ],
};

const CODE_PREFIX: Record<Category, string> = {
  Groceries: "GRC",
  Electronics: "ELC",
  Fashion: "FSH",
  Travel: "TRV",
  Fuel: "FUE",
  Dining: "DIN",
  "Home & Garden": "HOM",
  "Health & Beauty": "HBE",
  "Credit Card": "BCC",
  "Consumer Loan": "BLN",
  Deposit: "BDP",
  Insurance: "BIN",
  Mortgage: "BMG",
  "Investment Fund": "BFN",
};

const VARIABLE_AMOUNT: ReadonlySet<Category> = new Set<Category>([
  "Consumer Loan",
  "Deposit",
  "Investment Fund",
  "Mortgage",
]);

export const PRODUCTS: readonly Product[] = CATEGORIES.flatMap((category) =>
  ROWS[category].map(([name, price], index) => ({
    code: `${CODE_PREFIX[category]}-${String(index + 1).padStart(3, "0")}`,
    name,
    category,
    price,
    variableAmount: VARIABLE_AMOUNT.has(category),
  })),
);

/** Indexes into PRODUCTS, grouped by category in CATEGORIES order. */
export const PRODUCTS_BY_CATEGORY: readonly (readonly number[])[] = CATEGORIES.map((category) =>
  PRODUCTS.flatMap((product, index) => (product.category === category ? [index] : [])),
);

export function productByCode(code: string): Product {
  const product = PRODUCTS.find((candidate) => candidate.code === code);
  if (!product) throw new Error(`unknown product code ${code}`);
  return product;
}
