import type { TFunction } from "i18next";

/** A value feature's name in words: fixed keys, or "category:NAME" / "channel:NAME". */
export function valueFeatureLabel(t: TFunction<"value">, feature: string): string {
  const [kind, ...rest] = feature.split(":");
  if (rest.length > 0 && (kind === "category" || kind === "channel"))
    return t(`features.${kind}`, { name: rest.join(":") });
  return t(`features.${feature}` as "features.recency_days");
}
