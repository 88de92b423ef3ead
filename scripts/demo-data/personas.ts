import { CATEGORIES, type Category } from "./catalog";

/**
 * Hidden customer types. Each person is drawn from one persona, which sets who they are
 * (age, income, city, children) and how they buy (how often, how much, what, where, whether
 * they drift away). The persona never appears in the files: the app's RFM and k-means
 * should find these groups again from behaviour alone.
 */
export interface Persona {
  key: string;
  share: number;
  ageRange: readonly [number, number];
  /** Median monthly income in TRY and the spread of log income. */
  incomeMedian: number;
  incomeSigma: number;
  /** Mean purchases a year before normalising to the requested transaction count. */
  purchasesPerYear: number;
  /** Exponent on list price when picking a product: above 0 favours dearer products. */
  premium: number;
  categoryWeights: Readonly<Record<Category, number>>;
  /** Share of purchases made online (web or app) instead of in a store or branch. */
  onlineShare: number;
  /** Probability the person stops buying somewhere inside the period. */
  churn: number;
  childrenMean: number;
  femaleShare: number;
  /** Probability the record came from the online sign-up rather than a branch. */
  onlineSource: number;
  /** Weight multiplier for İstanbul, Ankara and İzmir. */
  metropolitanBias: number;
  /** Findeks-style credit score (1..1900): mean and spread. */
  creditScore: readonly [number, number];
  productsHeldMean: number;
  smsConsent: number;
  emailConsent: number;
  /** Share who joined before the period, i.e. not new customers. */
  establishedShare: number;
  /**
   * Share living abroad (gurbetçi): they bank from afar, buy less often, more online and
   * more travel, and drift away more (see people.ts).
   */
  nonResidentShare: number;
}

type Weights = readonly number[];

/** Category weights in CATEGORIES order (retail first, then bank products). */
function weights(values: Weights): Record<Category, number> {
  if (values.length !== CATEGORIES.length) throw new Error("one weight per category");
  return Object.fromEntries(CATEGORIES.map((category, i) => [category, values[i] ?? 0])) as Record<
    Category,
    number
  >;
}

//              GRC  ELC  FSH  TRV  FUE  DIN  HOM  HBE   CC   LN  DEP  INS  MRT  FND
export const PERSONAS: readonly Persona[] = [
  {
    key: "young_urban_digital",
    share: 0.22,
    ageRange: [24, 36],
    incomeMedian: 38_000,
    incomeSigma: 0.45,
    purchasesPerYear: 14,
    premium: 0.1,
    categoryWeights: weights([2, 2.5, 3, 1.5, 0.6, 3.5, 0.6, 1.5, 0.6, 0.4, 0.2, 0.2, 0.02, 0.6]),
    onlineShare: 0.82,
    churn: 0.18,
    childrenMean: 0.2,
    femaleShare: 0.5,
    onlineSource: 0.85,
    metropolitanBias: 2.2,
    creditScore: [1250, 200],
    productsHeldMean: 2.5,
    smsConsent: 0.45,
    emailConsent: 0.7,
    establishedShare: 0.5,
    nonResidentShare: 0.06,
  },
  {
    key: "affluent_family",
    share: 0.18,
    ageRange: [36, 55],
    incomeMedian: 95_000,
    incomeSigma: 0.5,
    purchasesPerYear: 12,
    premium: 0.35,
    categoryWeights: weights([4, 1.5, 1.8, 2.2, 1.5, 1.5, 2.5, 1.2, 0.5, 0.3, 0.8, 1, 0.6, 1]),
    onlineShare: 0.45,
    churn: 0.08,
    childrenMean: 2,
    femaleShare: 0.5,
    onlineSource: 0.5,
    metropolitanBias: 1.6,
    creditScore: [1550, 150],
    productsHeldMean: 4,
    smsConsent: 0.6,
    emailConsent: 0.65,
    establishedShare: 0.8,
    nonResidentShare: 0.05,
  },
  {
    key: "student",
    share: 0.14,
    ageRange: [18, 24],
    incomeMedian: 11_000,
    incomeSigma: 0.5,
    purchasesPerYear: 16,
    premium: -0.6,
    categoryWeights: weights([1.5, 1.2, 2.5, 0.3, 0.2, 4, 0.2, 1.2, 0.3, 0.05, 0.3, 0.02, 0, 0.15]),
    onlineShare: 0.75,
    churn: 0.25,
    childrenMean: 0,
    femaleShare: 0.56,
    onlineSource: 0.9,
    metropolitanBias: 1.5,
    creditScore: [900, 200],
    productsHeldMean: 1.2,
    smsConsent: 0.35,
    emailConsent: 0.55,
    establishedShare: 0.3,
    nonResidentShare: 0.02,
  },
  {
    key: "retiree",
    share: 0.16,
    ageRange: [62, 82],
    incomeMedian: 22_000,
    incomeSigma: 0.4,
    purchasesPerYear: 7,
    premium: -0.1,
    categoryWeights: weights([5, 0.4, 0.6, 0.5, 0.8, 0.5, 1, 2, 0.2, 0.2, 2, 1.2, 0.02, 0.8]),
    onlineShare: 0.12,
    churn: 0.12,
    childrenMean: 2.5,
    femaleShare: 0.58,
    onlineSource: 0.15,
    metropolitanBias: 0.9,
    creditScore: [1450, 150],
    productsHeldMean: 2.5,
    smsConsent: 0.7,
    emailConsent: 0.3,
    establishedShare: 0.95,
    nonResidentShare: 0.05,
  },
  {
    key: "sme_owner",
    share: 0.1,
    ageRange: [32, 60],
    incomeMedian: 140_000,
    incomeSigma: 0.7,
    purchasesPerYear: 18,
    premium: 0.25,
    categoryWeights: weights([1.5, 2, 0.8, 1.8, 3, 2, 1, 0.5, 1.2, 1.5, 0.6, 1, 0.3, 0.8]),
    onlineShare: 0.5,
    churn: 0.1,
    childrenMean: 1.5,
    femaleShare: 0.28,
    onlineSource: 0.45,
    metropolitanBias: 1.3,
    creditScore: [1400, 300],
    productsHeldMean: 5,
    smsConsent: 0.55,
    emailConsent: 0.75,
    establishedShare: 0.85,
    nonResidentShare: 0.07,
  },
  {
    key: "mass_market",
    share: 0.2,
    ageRange: [25, 60],
    incomeMedian: 28_000,
    incomeSigma: 0.4,
    purchasesPerYear: 6,
    premium: -0.2,
    categoryWeights: weights([4, 0.8, 1.5, 0.4, 1.5, 0.8, 1, 1, 0.4, 0.6, 0.2, 0.4, 0.05, 0.1]),
    onlineShare: 0.35,
    churn: 0.3,
    childrenMean: 1.4,
    femaleShare: 0.47,
    onlineSource: 0.4,
    metropolitanBias: 1,
    creditScore: [1150, 250],
    productsHeldMean: 1.8,
    smsConsent: 0.5,
    emailConsent: 0.45,
    establishedShare: 0.75,
    nonResidentShare: 0.02,
  },
];
