/**
 * Customer columns mapped to no field are kept as typed attributes (number, category or
 * date), so segments can use them. The type is inferred from the sample values, and a
 * well-known attribute keeps one name whatever language its source was written in.
 */
import { z } from "zod";
import { detectDateFormat } from "./date-detect";
import {
  type CellContext,
  dateParser,
  isMissing,
  lenient,
  numberParser,
  parseText,
} from "./field-parsers";
import { normaliseHeader } from "./normalise";
import { type DecimalMark, parseNumber } from "./numbers";
import { attributeSynonyms } from "./synonyms/attributes";

export const attributeTypes = ["number", "category", "date"] as const;
export type AttributeType = (typeof attributeTypes)[number];

export interface TypedAttribute {
  type: AttributeType;
  value: number | string;
}

/** Normalised spelling (with and without word breaks) → the attribute's stored name. */
const attributeBySpelling = new Map<string, string>();
for (const [name, spellings] of Object.entries(attributeSynonyms)) {
  for (const spelling of [name, ...spellings]) {
    const normalised = normaliseHeader(spelling);
    attributeBySpelling.set(normalised, name);
    attributeBySpelling.set(normalised.replaceAll("_", ""), name);
  }
}

/**
 * The name an attribute column is stored under: the common name of a known attribute in
 * any of the three languages ("Kredi Notu" → credit_score), else the header as written.
 */
export function attributeName(header: string): string {
  const normalised = normaliseHeader(header);
  return (
    attributeBySpelling.get(normalised) ??
    attributeBySpelling.get(normalised.replaceAll("_", "")) ??
    header.trim()
  );
}

/**
 * The stored name of each attribute column of one file: its common name, unless another
 * column of the same file would take that name too (`Segment` and `Customer Segment`),
 * in which case each keeps its header as written, so neither overwrites the other.
 */
export function attributeNamesOf(columns: readonly string[]): Map<string, string> {
  const common = columns.map((column) => attributeName(column));
  const taken = new Map<string, number>();
  for (const name of common) taken.set(name, (taken.get(name) ?? 0) + 1);
  return new Map(
    columns.map((column, index) => {
      const name = common[index] as string;
      return [column, (taken.get(name) ?? 0) > 1 ? column.trim() : name];
    }),
  );
}

/** Codes that only look numeric: "00123", "+905321234567", a 16-digit card number. */
function looksLikeCode(text: string): boolean {
  const digits = text.replace(/\D/g, "");
  return /^0\d/.test(text) || /^\+\d/.test(text) || digits.length > 15;
}

/**
 * The attribute type of a column from its sample values: date or number only when every
 * filled value reads as one (a stray word makes it a category, which never rejects a row).
 */
export function inferAttributeType(
  values: readonly string[],
  decimalMark: DecimalMark,
): AttributeType {
  const filled = values.map((value) => value.trim()).filter((value) => !isMissing(value));
  if (filled.length === 0) return "category";
  const dates = detectDateFormat(filled);
  if (
    dates.status === "ambiguous" ||
    (dates.status === "detected" && dates.invalidSamples.length === 0)
  ) {
    return "date";
  }
  const numeric = filled.every(
    (value) => !looksLikeCode(value) && parseNumber(value, decimalMark).ok,
  );
  return numeric ? "number" : "category";
}

/** Schema of the attribute cells of a customer row ({ header: raw }), typed per column. */
export function attributesSchema(
  context: CellContext,
  types: Readonly<Record<string, AttributeType>>,
) {
  const parsers = {
    // Attributes describe a customer, never identify one: lenient (see schema-customers.ts).
    number: lenient(context, numberParser(context)),
    date: lenient(context, dateParser(context, false)),
    category: lenient(context, parseText),
  };
  const names = attributeNamesOf(Object.keys(types));
  return z.record(z.string(), z.string()).transform((cells, ctx) => {
    const typed: Record<string, TypedAttribute> = {};
    for (const [column, raw] of Object.entries(cells)) {
      const type = types[column] ?? "category";
      const parsed = parsers[type].safeParse({ column, raw });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: "custom", path: [column], message: issue.message });
        }
      } else if (parsed.data !== null) {
        typed[names.get(column) ?? attributeName(column)] = { type, value: parsed.data };
      }
    }
    return typed;
  });
}
