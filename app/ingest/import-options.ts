/**
 * How to load one stored file: the CSV settings, the confirmed mapping and the row settings
 * from the preview. Checked with zod wherever they cross a boundary (job payload, dataset
 * row, command line), so the loader can trust them.
 */
import { z } from "zod";
import { attributeTypes } from "./attributes";
import { dateFormats } from "./dates";
import { textEncodings } from "./decode";
import { delimiters, quoteChars } from "./dialect";

const decimalMark = z.enum([".", ","]);

export const csvSettingsSchema = z.object({
  encoding: z.enum(textEncodings),
  bom: z.boolean(),
  delimiter: z.enum(delimiters),
  quote: z.enum(quoteChars),
  decimalMark,
});

export const rowSettingsSchema = z.object({
  decimalMark,
  dateFormats: z.record(z.string(), z.enum(dateFormats)).optional(),
  attributeTypes: z.record(z.string(), z.enum(attributeTypes)).optional(),
  /** ISO 3166 country for phone numbers without a country code (libphonenumber's list). */
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

export const columnMappingSchema = z.record(z.string(), z.string().nullable());

export const importOptionsSchema = z.object({
  settings: csvSettingsSchema,
  mapping: columnMappingSchema,
  rowSettings: rowSettingsSchema,
  /** Customers: the source of rows whose file has no source column (default: file name). */
  defaultSource: z.string().trim().min(1).max(100).optional(),
});

export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** The flat record kept in `datasets.settings`: every setting the import used. */
export function datasetSettingsOf(options: ImportOptions): Record<string, unknown> {
  return { ...options.settings, ...options.rowSettings, defaultSource: options.defaultSource };
}

/** The options a dataset was (or is to be) imported with, e.g. to run it again. */
export function importOptionsOfDataset(dataset: {
  settings: Record<string, unknown> | null;
  mapping: Record<string, string | null> | null;
}): ImportOptions | undefined {
  const parsed = importOptionsSchema.safeParse({
    settings: dataset.settings,
    mapping: dataset.mapping,
    rowSettings: dataset.settings,
    defaultSource: dataset.settings?.defaultSource ?? undefined,
  });
  return parsed.success ? parsed.data : undefined;
}
