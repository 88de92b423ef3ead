import { formatMoney } from "~/format";
import { formatDecimal } from "./numbers";

/**
 * Stored feature names whose values are sums of sale amounts, so they carry the reporting
 * currency: monetary (net spend), avg_order_value (net spend per order) and spend_<category>
 * (segments/features.server.ts).
 * Income comes from customer files, whose currency is not known, and stays a plain number.
 */
export function isAmountFeature(name: string): boolean {
  return name === "monetary" || name === "avg_order_value" || name.startsWith("spend_");
}

/** A feature value as money when it is an amount, else a number with `digits` decimals. */
export function formatFeatureValue(
  name: string,
  value: number | null | undefined,
  currency: string | null,
  digits = 2,
): string {
  return isAmountFeature(name) ? formatMoney(value, currency) : formatDecimal(value, digits);
}
