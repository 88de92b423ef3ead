// Messages built on the server (ingest reasons, forecast reasons, form errors) are codes
// with values: every code has its words in English, Turkish and Russian, every value it
// names is filled in, and codes inside codes (a key inside a duplicate-key reason, the
// errors of one rejected row) are worded too.
import { describe, expect, it } from "vitest";
import { supportedLocales } from "~/i18n/config";
import { englishInside, englishMessage } from "~/i18n/english";
import { localeT } from "~/i18n/locale-t";
import { translateMessage } from "~/i18n/message";
import { clauseList, message, messageList } from "~/i18n/message-code";
import { formatBytes } from "~/ingest/archive.server";
import { duplicateKeyReason } from "~/ingest/file-keys";
import { formatRowErrors } from "~/ingest/schemas";
import { resources } from "~/locales";

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(full, value);
    else for (const [k, v] of flatten(value, full)) flat.set(k, v);
  }
  return flat;
}

/** Base key (plural suffix dropped) → the variables its English text names: a number or not. */
function codes(): Map<string, Map<string, boolean>> {
  const found = new Map<string, Map<string, boolean>>();
  for (const [key, text] of flatten(resources.en.messages as Catalogue)) {
    const base = `messages:${key.replace(/_(one|other)$/, "")}`;
    const names = found.get(base) ?? new Map<string, boolean>();
    for (const m of text.matchAll(/\{\{\s*(\w+)\s*(,\s*number)?/g)) {
      const name = m[1] as string;
      names.set(name, (names.get(name) ?? false) || m[2] !== undefined);
    }
    found.set(base, names);
  }
  return found;
}

/** Codes whose text is only values and punctuation, the same in every language. */
const SAME_SHAPE = new Set([
  "messages:ingest.import.fileProblem",
  "messages:forecast.planWarning",
  "messages:sources.fieldProblem",
]);

describe("message codes", () => {
  const all = codes();

  it("include the ingest reasons and preview warnings", () => {
    const ingest = [...all.keys()].filter((key) => key.startsWith("messages:ingest."));
    expect(ingest.length).toBeGreaterThan(80);
    expect(ingest).toContain("messages:ingest.cell.birthYearBefore");
    expect(ingest).toContain("messages:ingest.preview.duplicateColumn");
  });

  for (const locale of supportedLocales) {
    it(`${locale}: every code has its own words and fills in every value`, () => {
      const t = localeT(locale);
      const english = localeT("en");
      const keys = flatten(resources[locale].messages as Catalogue);
      const untranslated: string[] = [];
      for (const [key, variables] of all) {
        const own = key.slice("messages:".length);
        expect(keys.has(own) || keys.has(`${own}_other`), `${locale} ${key}`).toBe(true);
        const values: Record<string, string | number> = {};
        const shown: Record<string, string> = {};
        [...variables].forEach(([name, isNumber], i) => {
          values[name] = name === "count" ? 7 : isNumber ? 4321 + i : `«v${i}»`;
          shown[name] = isNumber
            ? new Intl.NumberFormat(locale).format(values[name] as number)
            : String(values[name]);
        });
        const text = t(key, values);
        expect(text, `${locale} ${key}`).not.toMatch(/\{\{|\}\}/);
        for (const [name, value] of Object.entries(shown)) {
          expect(text, `${locale} ${key} names ${name}`).toContain(value);
        }
        if (locale !== "en" && !SAME_SHAPE.has(key) && text === english(key, values)) {
          untranslated.push(key);
        }
      }
      // Words the same in every language: field names such as "Name", "SMS consent" differ,
      // but a few labels (a unit, an abbreviation) may read alike; none of the ingest ones.
      expect(untranslated.filter((key) => key.startsWith("messages:ingest."))).toEqual([]);
    });
  }

  it("put a key inside a duplicate-key reason into words with it", () => {
    const reason = duplicateKeyReason(
      message("messages:ingest.key.transactionId", { id: "T9" }),
      4,
    );
    expect(englishMessage(reason)).toBe(
      'transaction id "T9" already appeared on line 4 of this file',
    );
    expect(translateMessage(localeT("tr"), reason)).toBe(
      'işlem numarası "T9" bu dosyanın 4. satırında zaten vardı',
    );
    expect(translateMessage(localeT("ru"), reason)).toBe(
      "id транзакции «T9» — уже есть в строке 4 этого файла",
    );
  });

  it("join the errors of one rejected row with semicolons, each worded", () => {
    const reason = formatRowErrors([
      {
        column: "Tutar",
        field: "amount",
        reason: message("messages:ingest.cell.notNumber", { text: "abc" }),
      },
      {
        column: "Tarih",
        field: "occurred_at",
        reason: message("messages:ingest.row.saleDateEmpty"),
      },
    ]);
    expect(englishMessage(reason)).toBe(
      'Column "Tutar": "abc" is not a number; Column "Tarih": the date of the sale is empty',
    );
    expect(translateMessage(localeT("tr"), reason)).toBe(
      '"Tutar" sütunu: "abc" bir sayı değil; "Tarih" sütunu: satış tarihi boş',
    );
    expect(translateMessage(localeT("ru"), reason)).toBe(
      "Столбец «Tutar»: «abc» — не число; Столбец «Tarih»: не указана дата продажи",
    );
    // The command line's JSON holds the English, lists inside values included.
    const inside = englishInside({ reasons: [reason], problems: messageList(["x", "y"]) });
    expect(inside.reasons[0]).toContain('Column "Tutar"');
    expect(clauseList(["a"])).toBe("a");
  });

  it("use each language's plural forms and number format in values", () => {
    const reason = message("messages:ingest.encoding.utf8Except", {
      count: 3,
      lines: message("messages:ingest.encoding.lines", { lines: "7, 12" }),
    });
    expect(englishMessage(reason)).toBe(
      "UTF-8 except 3 invalid bytes on lines 7, 12 (reported per line when imported).",
    );
    expect(translateMessage(localeT("ru"), reason)).toBe(
      "UTF-8, кроме 3 недопустимых байтов: строки 7, 12 (при импорте сообщается по строкам).",
    );
    const omitted = message("messages:ingest.preview.columnsOmitted", { shown: 50, total: 5000 });
    expect(translateMessage(localeT("tr"), omitted)).toContain("5.000 sütundan 50 tanesi");
    expect(englishMessage(omitted)).toContain("Showing 50 of 5,000 columns");
  });

  it("word upload and ZIP errors, sizes and counts in the reader's language", () => {
    const many = message("messages:ingest.upload.zipManyCsv", { count: 2, names: "a.csv, b.csv" });
    expect(englishMessage(many)).toBe(
      "The ZIP archive holds 2 CSV files (a.csv, b.csv); upload one file at a time.",
    );
    expect(translateMessage(localeT("tr"), many)).toBe(
      "ZIP arşivinde 2 CSV dosyası var (a.csv, b.csv); dosyaları tek tek yükleyin.",
    );
    expect(translateMessage(localeT("ru"), many)).toBe(
      "В ZIP-архиве 2 CSV-файла (a.csv, b.csv); загружайте по одному файлу.",
    );
    const tooLarge = message("messages:ingest.upload.tooLarge", { size: formatBytes(1536 * 1024) });
    expect(englishMessage(tooLarge)).toBe(
      "The file is larger than the upload limit of 1.5 MB (UPLOAD_MAX_BYTES).",
    );
    expect(translateMessage(localeT("tr"), tooLarge)).toBe(
      "Dosya, 1,5 MB olan yükleme sınırından büyük (UPLOAD_MAX_BYTES).",
    );
    expect(translateMessage(localeT("ru"), tooLarge)).toBe(
      "Файл больше допустимого размера загрузки — 1,5 МБ (UPLOAD_MAX_BYTES).",
    );
    expect(englishMessage(formatBytes(100))).toBe("100 bytes");
  });

  it("leave text that is no code as it is (reasons stored before the codes)", () => {
    const old = 'Column "x": birth year 1893 is before 1900';
    expect(translateMessage(localeT("tr"), old)).toBe(old);
  });
});
