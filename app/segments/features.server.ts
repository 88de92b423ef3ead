/**
 * Candidate clustering features per consented customer, all aligned with one IdIndex:
 * - RFM: recency_days, frequency (orders), monetary and avg_order_value (monetary / orders)
 *   at the reference date (analytics/rfm.ts);
 * - profile: income, age (at the reference date, see demographics.ageAt);
 * - numeric attributes from attribute_definitions, under their own name (or attr_<name>
 *   when it clashes with a name above);
 * - spend_<category>: net spend per category before the reference date (returns subtract);
 * - predicted_value: the newest customer value training's prediction (docs §24), once trained.
 * NaN marks a missing value; clustering drops or imputes those as the user chooses.
 */

import type { WorkspaceScope } from "#db/scoped";
import { computeRfm } from "~/analytics/rfm";
import type { AnalysisExclusion } from "~/customers/analysable.server";
import { predictedValueColumn } from "~/customers/value-of-customers.server";
import { loadConsentedCustomers } from "./consented-customers.server";
import { type CustomerColumns, loadCustomerColumns } from "./customer-columns.server";
import { ageAt, slugify } from "./demographics";
import type { IdIndex } from "./id-index";
import { defaultReferenceDay } from "./reference-day";
import { loadTransactionColumns } from "./transaction-columns.server";

export type FeatureSource = "rfm" | "profile" | "attribute" | "category" | "value";

export interface Feature {
  name: string;
  label: string;
  source: FeatureSource;
  values: Float64Array;
}

export interface FeatureTable {
  referenceDay: number;
  customers: IdIndex;
  excludedWithoutConsent: number;
  exclusion: AnalysisExclusion;
  features: Feature[];
  profile: CustomerColumns;
}

const BUILT_IN = new Set([
  "recency_days",
  "frequency",
  "monetary",
  "avg_order_value",
  "income",
  "age",
  "predicted_value",
]);

export function loadFeatureTable(
  scope: WorkspaceScope,
  options: { referenceDay?: number } = {},
): FeatureTable {
  const consented = loadConsentedCustomers(scope);
  const customers = consented.index;
  const n = customers.ids.length;
  const tx = loadTransactionColumns(scope, customers, {
    withCategory: true,
    withOrder: true,
  });
  const referenceDay = options.referenceDay ?? defaultReferenceDay(tx.day);

  const rfm = computeRfm(
    {
      customerIndex: tx.customerIndex,
      day: tx.day,
      netAmount: tx.amount,
      isReturn: tx.isReturn,
      orderIndex: tx.orderIndex,
    },
    Array.from({ length: n }, (_, i) => String(i)),
    { referenceDay },
  );
  const recency = new Float64Array(n).fill(Number.NaN);
  const frequency = new Float64Array(n);
  // Missing (NaN) for a customer without an order, like recency: there is no order to average.
  const avgOrderValue = new Float64Array(n).fill(Number.NaN);
  // Monetary by computeRfm's rule (purchases add, returns subtract |amount|), summed here so
  // that customers with only returns get a value too.
  const monetary = new Float64Array(n);
  const categories = tx.categories ?? [];
  const spend = categories.map(() => new Float64Array(n));
  for (let row = 0; row < tx.rows; row++) {
    if ((tx.day[row] as number) >= referenceDay) continue;
    const c = tx.customerIndex[row] as number;
    const amount = tx.amount[row] as number;
    const net = tx.isReturn[row] || amount < 0 ? -Math.abs(amount) : amount;
    monetary[c] = (monetary[c] as number) + net;
    const column = spend[tx.categoryIndex?.[row] ?? -1];
    if (column) column[c] = (column[c] as number) + net;
  }
  for (const customer of rfm.customers) {
    const i = Number(customer.customerId);
    recency[i] = customer.recencyDays;
    frequency[i] = customer.frequency;
    avgOrderValue[i] = customer.avgOrderValue;
  }

  const profile = loadCustomerColumns(scope, customers);
  const age = Float64Array.from({ length: n }, (_, i) =>
    ageAt(profile.birthDate[i] ?? null, profile.birthYear[i] ?? null, referenceDay),
  );
  const features: Feature[] = [
    { name: "recency_days", label: "Days since last purchase", source: "rfm", values: recency },
    { name: "frequency", label: "Orders", source: "rfm", values: frequency },
    { name: "monetary", label: "Net spend", source: "rfm", values: monetary },
    {
      name: "avg_order_value",
      label: "Average order value",
      source: "rfm",
      values: avgOrderValue,
    },
    { name: "income", label: "Income", source: "profile", values: profile.income },
    { name: "age", label: "Age", source: "profile", values: age },
  ];
  const taken = new Set(BUILT_IN);
  for (const [name, values] of profile.attributes) {
    const unique = taken.has(name) ? `attr_${name}` : name;
    taken.add(unique);
    features.push({ name: unique, label: name, source: "attribute", values });
  }
  categories.forEach((category, k) => {
    let name = `spend_${slugify(category) || k}`;
    while (taken.has(name)) name = `${name}_${k}`;
    taken.add(name);
    const values = spend[k] as Float64Array;
    features.push({ name, label: `Spend on ${category}`, source: "category", values });
  });
  const predicted = predictedValueColumn(scope, customers.ids, (id) => customers.positionOf(id));
  if (predicted)
    features.push({
      name: "predicted_value",
      label: "Predicted value",
      source: "value",
      values: predicted,
    });
  return {
    referenceDay,
    customers,
    excludedWithoutConsent: consented.excludedWithoutConsent,
    exclusion: consented.exclusion,
    features,
    profile,
  };
}
