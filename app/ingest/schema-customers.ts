/** The customer row schema: profile, birth, consents, and unmapped columns as attributes. */
import { z } from "zod";
import { type AttributeType, attributesSchema } from "./attributes";
import {
  booleanCell,
  type CellContext,
  dateCell,
  emailCell,
  genderCell,
  numberCell,
  phoneCell,
  rowIssue,
  sourceCell,
  textCell,
  yearCell,
} from "./field-parsers";
import type { FieldOf } from "./kinds";

function customerFields(context: CellContext) {
  return {
    external_id: textCell(),
    source: sourceCell(),
    name: textCell(),
    email: emailCell(),
    phone: phoneCell(context),
    gender: genderCell(),
    birth_date: dateCell(context, false),
    birth_year: yearCell(context),
    city: textCell(),
    income: numberCell(context, { min: 0 }),
    signup_date: dateCell(context, false),
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
        rowIssue(ctx, "external_id", "the customer id is empty");
        return z.NEVER;
      }
      const yearOfDate = birth_date ? Number(birth_date.slice(0, 4)) : null;
      if (yearOfDate !== null && birth_year !== null && yearOfDate !== birth_year) {
        rowIssue(
          ctx,
          "birth_year",
          `birth year ${birth_year} does not match birth date ${birth_date}`,
        );
        return z.NEVER;
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
