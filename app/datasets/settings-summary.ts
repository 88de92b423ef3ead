/**
 * The settings an import used (`datasets.settings`), as one line a marketer can read:
 * "UTF-8 with BOM · delimiter ; · decimal mark , · dates: birth_date dd.mm.yyyy", in the
 * language of `t`. Internal bookkeeping (e.g. the crash-recovery watermark) is left out.
 */
import type { TFunction } from "i18next";

export function describeSettings(
  settings: Record<string, unknown> | null | undefined,
  t: TFunction,
): string {
  if (!settings) return "—";
  const parts: string[] = [];
  if (typeof settings.encoding === "string") {
    const encoding = settings.encoding.toUpperCase();
    parts.push(settings.bom === true ? t("messages:settings.withBom", { encoding }) : encoding);
  }
  if (typeof settings.delimiter === "string") {
    const delimiter = settings.delimiter === "\t" ? t("messages:settings.tab") : settings.delimiter;
    parts.push(t("messages:settings.delimiter", { delimiter }));
  }
  if (typeof settings.decimalMark === "string") {
    parts.push(t("messages:settings.decimalMark", { mark: settings.decimalMark }));
  }
  const dates = Object.entries((settings.dateFormats as Record<string, string> | undefined) ?? {});
  if (dates.length > 0) {
    const list = dates.map(([column, format]) => `${column} ${format}`).join(", ");
    parts.push(t("messages:settings.dates", { list }));
  }
  if (typeof settings.defaultSource === "string") {
    parts.push(t("messages:settings.source", { source: settings.defaultSource }));
  }
  return parts.length > 0 ? parts.join(" · ") : "—";
}
