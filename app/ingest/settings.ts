import type { TextEncoding } from "./decode";
import type { Delimiter, QuoteChar } from "./dialect";
import type { DecimalMark } from "./numbers";

/** How one CSV file is written; detected from a sample, adjustable by the user. */
export interface CsvSettings {
  encoding: TextEncoding;
  /** The file starts with a byte order mark (it is stripped when decoding). */
  bom: boolean;
  delimiter: Delimiter;
  quote: QuoteChar;
  decimalMark: DecimalMark;
}
