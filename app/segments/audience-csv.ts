/**
 * An audience as a CSV file for the SMS or e-mail tool. Written with the customers export
 * helpers (app/customers/csv.ts), which neutralise formula injection: a text cell starting
 * with = + - @ tab or CR gets a leading ' so a spreadsheet shows it instead of running it.
 */
import { csvLines } from "~/customers/csv";
import type { AudienceExport } from "./audience.server";

/**
 * `predictedValues`: each member's predicted value from the latest value model (customer
 * id → value); the `predicted_value` column stays empty without one.
 */
export function audienceCsv(
  audience: AudienceExport,
  predictedValues: Readonly<Record<number, number>> = {},
): string {
  const contactHeader = audience.channel === "email" ? "email" : "phone";
  return [
    ...csvLines(
      ["customer_id", "name", contactHeader, "segment", "predicted_value"],
      audience.members,
      (m) => {
        const value = predictedValues[m.customer_id];
        return [
          m.customer_id,
          m.name,
          m.contact,
          audience.segment,
          value === undefined ? null : Math.round(value * 100) / 100,
        ];
      },
    ),
  ].join("");
}
