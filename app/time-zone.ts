/**
 * The workspace's time zone (an IANA name such as "Europe/Istanbul") and the two kinds of
 * time the app shows:
 * - moments the app itself records (an import finished, a scraper ran, a report was saved,
 *   the next e-mail is due): real instants, shown in the workspace's zone;
 * - times read from uploaded files (a sale, a consent date): written without a zone and
 *   stored as UTC wall time (ingest/dates.ts), so they are shown as written and their day
 *   is the day written in the file, whatever the zone.
 * Pure: no I/O, shared by the server and the browser.
 */

/** Every zone name this runtime knows, plus "UTC" (Intl lists only the regional names). */
export function supportedTimeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone")];
}

let known: Set<string> | undefined;

export function isTimeZone(name: string): boolean {
  known ??= new Set(supportedTimeZones());
  return known.has(name);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (days since 1970-01-01) that `instant` falls on in `timeZone`. */
export function dayInTimeZone(instant: Date | number, timeZone: string): number {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes "2026-12-03": the parts are read by name, so only the numbers matter.
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
  );
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / 86_400_000;
}

/** The route whose loader names the workspace (and its zone) for every page inside it. */
export const WORKSPACE_LAYOUT_ROUTE = "routes/w.$workspace";

/** A shared report's page (/s/<token>): its loader names the zone of the report's workspace. */
export const SHARED_REPORT_ROUTE = "routes/s.$token";

/**
 * The zone of the workspace whose pages are being rendered, from the routes' loader data
 * (the server's static context, the browser router's state): the workspace layout's, or a
 * shared report's; "UTC" elsewhere.
 */
export function workspaceTimeZoneOf(loaderData: Record<string, unknown> | undefined): string {
  const layout = loaderData?.[WORKSPACE_LAYOUT_ROUTE] as
    | { workspace?: { timeZone?: unknown } }
    | undefined;
  const shared = loaderData?.[SHARED_REPORT_ROUTE] as { timeZone?: unknown } | undefined;
  const zone = layout?.workspace?.timeZone ?? shared?.timeZone;
  return typeof zone === "string" && isTimeZone(zone) ? zone : "UTC";
}
