/**
 * The settings an import used (`datasets.settings`), as one line a marketer can read:
 * "UTF-8 with BOM · delimiter ; · decimal mark , · dates: birth_date dd.mm.yyyy". Internal
 * bookkeeping (e.g. the crash-recovery watermark) is left out.
 */
const DELIMITER_NAMES: Record<string, string> = { "\t": "tab" };

export function describeSettings(settings: Record<string, unknown> | null | undefined): string {
  if (!settings) return "—";
  const parts: string[] = [];
  if (typeof settings.encoding === "string") {
    parts.push(`${settings.encoding.toUpperCase()}${settings.bom === true ? " with BOM" : ""}`);
  }
  if (typeof settings.delimiter === "string") {
    parts.push(`delimiter ${DELIMITER_NAMES[settings.delimiter] ?? settings.delimiter}`);
  }
  if (typeof settings.decimalMark === "string") parts.push(`decimal mark ${settings.decimalMark}`);
  const dates = Object.entries((settings.dateFormats as Record<string, string> | undefined) ?? {});
  if (dates.length > 0) {
    parts.push(`dates: ${dates.map(([column, format]) => `${column} ${format}`).join(", ")}`);
  }
  if (typeof settings.defaultSource === "string") parts.push(`source ${settings.defaultSource}`);
  return parts.length > 0 ? parts.join(" · ") : "—";
}
