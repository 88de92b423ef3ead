/**
 * Customer columns mapped to no field are kept as typed attributes (number, category or
 * date), so segments can use them. The type is inferred from the sample values.
 */
import { z } from "zod";
import { detectDateFormat } from "./date-detect";
import { type CellContext, dateCell, isMissing, numberCell, textCell } from "./field-parsers";
import { type DecimalMark, parseNumber } from "./numbers";

export const attributeTypes = ["number", "category", "date"] as const;
export type AttributeType = (typeof attributeTypes)[number];

export interface TypedAttribute {
  type: AttributeType;
  value: number | string;
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
    number: numberCell(context),
    date: dateCell(context, false),
    category: textCell(),
  };
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
        typed[column] = { type, value: parsed.data };
      }
    }
    return typed;
  });
}
