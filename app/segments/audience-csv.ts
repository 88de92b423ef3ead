/**
 * An audience as a CSV file for the SMS or e-mail tool. Written with the customers export
 * helpers (app/customers/csv.ts), which neutralise formula injection: a text cell starting
 * with = + - @ tab or CR gets a leading ' so a spreadsheet shows it instead of running it.
 */
import { csvLines } from "~/customers/csv";
import type { AudienceExport } from "./audience.server";

export function audienceCsv(audience: AudienceExport): string {
  const contactHeader = audience.channel === "email" ? "email" : "phone";
  return [
    ...csvLines(["customer_id", "name", contactHeader, "segment"], audience.members, (m) => [
      m.customer_id,
      m.name,
      m.contact,
      audience.segment,
    ]),
  ].join("");
}
