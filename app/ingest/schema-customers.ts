/**
 * The customer row schema: profile, birth, consents, and unmapped columns as attributes.
 *
 * Only what identifies the customer, or records a legal fact, rejects a row: an empty id,
 * and consents (a consent that cannot be read is neither given nor refused, and guessing
 * either way is wrong). Every other cell is lenient: a value that cannot be read or believed
 * (a birth year of 1893, an e-mail "ayse@@mail") leaves that cell empty and becomes a cell
 * warning, and the row is kept. E-mail and phone are match keys, but the id identifies the
 * row here, so an unreadable one costs a match, not the customer.
 */

import { z } from "zod";
import { message } from "~/i18n/message-code";
import { type AttributeType, attributesSchema } from "./attributes";
import {
  birthDateParser,
  birthYearParser,
  booleanCell,
  type CellContext,
  dateCell,
  dateParser,
  fieldWarning,
  lenient,
  nonNegativeParser,
  parseEmail,
  parseGender,
  parseText,
  phoneParser,
  rowIssue,
  sourceCell,
  textCell,
} from "./field-parsers";
import type { FieldOf } from "./kinds";

function customerFields(context: CellContext) {
  return {
    external_id: textCell(),
    source: sourceCell(),
    name: lenient(context, parseText),
    email: lenient(context, parseEmail),
    phone: lenient(context, phoneParser(context)),
    gender: lenient(context, parseGender),
    birth_date: lenient(context, birthDateParser(context)),
    birth_year: lenient(context, birthYearParser(context)),
    city: lenient(context, parseText),
    income: lenient(context, nonNegativeParser(context, "messages:ingest.cell.incomeNegative")),
    signup_date: lenient(context, dateParser(context, false)),
    consent_sms: booleanCell(),
    consent_email: booleanCell(),
    consent_data_processing: booleanCell(),
    consent_sms_at: dateCell(context, true),
    consent_email_at: dateCell(context, true),
    consent_data_processing_at: dateCell(context, true),
    objection: booleanCell(),
  } satisfies Record<FieldOf<"customers">, z.ZodType>;
}

type CustomerFields = z.output<z.ZodObject<ReturnType<typeof customerFields>>>;
/** An objection column is folded into the data-processing consent, so rows have none. */
export type CustomerRow = Omit<CustomerFields, "external_id" | "objection"> & {
  external_id: string;
  attributes: z.output<ReturnType<typeof attributesSchema>>;
};

export function customerRowSchema(
  context: CellContext,
  attributeTypes: Readonly<Record<string, AttributeType>>,
) {
  return z
    .object({
      fields: z.object(customerFields(context)),
      attributes: attributesSchema(context, attributeTypes),
    })
    .transform(({ fields, attributes }, ctx): CustomerRow => {
      const { external_id, birth_date, birth_year, objection, ...rest } = fields;
      if (!external_id) {
        rowIssue(ctx, "external_id", message("messages:ingest.row.customerIdEmpty"));
        return z.NEVER;
      }
      const yearOfDate = birth_date ? Number(birth_date.slice(0, 4)) : null;
      if (yearOfDate !== null && birth_year !== null && yearOfDate !== birth_year) {
        // The full date is the more precise of the two: its year is kept.
        fieldWarning(
          context,
          "birth_year",
          String(birth_year),
          message("messages:ingest.row.birthYearMismatch", {
            year: birth_year,
            date: birth_date ?? "",
          }),
        );
        return { ...fields, external_id, birth_year: yearOfDate, attributes };
      }
      // An objection is a "no" to processing, dated like the consent column would be; "no
      // objection" grants nothing, so the consent column (or its absence) stands.
      const consent_data_processing = objection === true ? false : rest.consent_data_processing;
      return {
        ...rest,
        birth_date,
        consent_data_processing,
        external_id,
        birth_year: birth_year ?? yearOfDate,
        attributes,
      };
    });
}
