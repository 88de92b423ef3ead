/**
 * What the public pages under /s/<token> do, so their routes stay small: admit a request
 * (rate limits, then the token), check the password cookie, and build the report from the
 * saved report alone. The only thing a visitor's request may change is the date range, when
 * the owner allowed it, and loadReportView clamps it inside the saved range.
 *
 * The page data holds the report's title, note, kind, date taken and the figures: no id of
 * the workspace, report, link, dataset or run, and no workspace name or slug (a link is often
 * forwarded; what the title and note say is the owner's choice).
 */

import type { Locale } from "~/i18n/config";
import { resolveLocale } from "~/i18n/locale.server";
import { localeT } from "~/i18n/locale-t";
import { message } from "~/i18n/message";
import { verifyPassword } from "~/password.server";
import type { Throttle } from "~/rate-limit.server";
import { singleParams } from "~/reports/kinds/report-kind.server";
import { reportKinds } from "~/reports/kinds.server";
import { localizedTable } from "~/reports/localized-table";
import type { ReportKindId } from "~/reports/report-kinds";
import { loadReportView, type ReportView, reportTables } from "~/reports/report-view.server";
import { workspaceTimeZone } from "~/scraping/sources.server";
import {
  isWellFormedToken,
  type ResolvedShareLink,
  recordShareOpening,
  resolveShareLink,
} from "./resolve-share-link.server";
import { grantShareAccess, hasShareAccess } from "./share-access-cookie.server";
import {
  beginSharePasswordAttempt,
  checkShareRequest,
  recordSharePasswordSuccess,
} from "./share-limits.server";
import { hashShareToken, sharePath } from "./share-links.server";
import { withoutInternalIds } from "./without-internal-ids";

/**
 * The one answer for every link that does not open: same status, same body, same headers
 * within one language. The language is the viewer's (cookie, else Accept-Language), never
 * anything about the token, so a guesser still learns nothing from it.
 */
export const INVALID_LINK_STATUS = 404;

const plainText = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

export function invalidLink(locale: Locale = "en"): Response {
  return new Response(localeT(locale)("sharing:invalid.title"), {
    status: INVALID_LINK_STATUS,
    headers: plainText,
  });
}

/** The language of a visitor of a shared link (a signed-in user's own choice first). */
export function shareLocale(request: Request): Promise<Locale> {
  return resolveLocale(request);
}

/** Cache-Control of a shared page: never stored when a password guards it. */
export function shareCacheControl(passwordProtected: boolean): string {
  return passwordProtected ? "no-store" : "private, no-cache";
}

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

function tooManyRequests(
  throttle: Extract<Throttle, { allowed: false }>,
  locale: Locale,
): Response {
  const text = localeT(locale)("sharing:errors.tooManyRequests", {
    count: minutes(throttle.retryAfterSeconds),
  });
  return new Response(text, {
    status: 429,
    headers: { ...plainText, "Retry-After": String(throttle.retryAfterSeconds) },
  });
}

/** Rate limits first (for any token, valid or not), then the token. Throws the Response. */
export async function admitShareRequest(
  token: string | undefined,
  address: string,
  now: Date,
  locale: Locale,
): Promise<ResolvedShareLink & { token: string }> {
  const wellFormed = isWellFormedToken(token);
  const throttle = await checkShareRequest(wellFormed ? hashShareToken(token) : null, address);
  if (!throttle.allowed) throw tooManyRequests(throttle, locale);
  const resolved = wellFormed ? resolveShareLink(token, now) : null;
  if (!resolved) throw invalidLink(locale);
  return { ...resolved, token: token as string };
}

/** The date range a viewer asked for, read only when the owner allowed the control. */
function requestedRange(request: Request, resolved: ResolvedShareLink) {
  if (!resolved.link.allowDateRange) return undefined;
  const search = new URL(request.url).searchParams;
  return { from: search.get("from") ?? undefined, to: search.get("to") ?? undefined };
}

function buildView(
  request: Request,
  resolved: ResolvedShareLink,
  now: Date,
  locale: Locale,
): ReportView {
  const view = loadReportView(resolved.scope, resolved.report, {
    dateRange: requestedRange(request, resolved),
    now,
  });
  if (!view) throw invalidLink(locale);
  return view;
}

export interface SharedDateRange {
  /** The dates shown now (the saved ones, or the viewer's inside them). */
  from: string | null;
  to: string | null;
  /** The saved report's dates: the control cannot go outside them. */
  savedFrom: string | null;
  savedTo: string | null;
}

export type SharedReportPage =
  | { state: "password"; passwordProtected: true }
  | {
      state: "report";
      passwordProtected: boolean;
      title: string;
      note: string;
      kind: ReportKindId;
      mode: ReportView["mode"];
      takenAt: string;
      /** The workspace's zone (an IANA name): the page shows takenAt in it and names it. */
      timeZone: string;
      data: unknown;
      tables: { name: string; href: string; rows: number }[];
      dateRange: SharedDateRange | null;
    };

function dateRangeOf(resolved: ResolvedShareLink, view: ReportView): SharedDateRange | null {
  const range = reportKinds[view.kind].dateRange;
  if (!resolved.link.allowDateRange || !range || view.mode !== "live") return null;
  const saved = resolved.report.params as Record<string, string | undefined>;
  const shown = singleParams(view.params);
  return {
    from: shown[range.from] ?? null,
    to: shown[range.to] ?? null,
    savedFrom: saved[range.from] ?? null,
    savedTo: saved[range.to] ?? null,
  };
}

/** The link's CSV files keep the dates shown, so a download matches the page. */
function csvHref(token: string, table: string, range: SharedDateRange | null): string {
  const search = new URLSearchParams();
  if (range?.from) search.set("from", range.from);
  if (range?.to) search.set("to", range.to);
  const query = search.size > 0 ? `?${search}` : "";
  return `${sharePath(token)}/${encodeURIComponent(table)}.csv${query}`;
}

export async function loadSharedReport(
  request: Request,
  token: string | undefined,
  address: string,
  now = new Date(),
): Promise<SharedReportPage> {
  const locale = await shareLocale(request);
  const resolved = await admitShareRequest(token, address, now, locale);
  const passwordProtected = resolved.link.passwordHash !== null;
  if (passwordProtected && !(await hasShareAccess(request, resolved.link, now)))
    return { state: "password", passwordProtected: true };
  const view = buildView(request, resolved, now, locale);
  recordShareOpening(resolved, now);
  const dateRange = dateRangeOf(resolved, view);
  return {
    state: "report",
    passwordProtected,
    title: view.title,
    note: view.note,
    kind: view.kind,
    mode: view.mode,
    takenAt: view.takenAt,
    timeZone: workspaceTimeZone(resolved.scope),
    data: withoutInternalIds(view.data),
    tables: reportTables(view).map((t) => ({
      name: t.name,
      href: csvHref(resolved.token, t.name, dateRange),
      rows: t.rows.length,
    })),
    dateRange,
  };
}

export type PasswordOutcome =
  | { ok: true; setCookie: string; location: string }
  | { ok: false; error: string; status: number };

/** A password typed on a link's page: rate-limited per (link, network) and per link. */
export async function submitSharePassword(
  request: Request,
  token: string | undefined,
  password: string,
  address: string,
  now = new Date(),
): Promise<PasswordOutcome> {
  const resolved = await admitShareRequest(token, address, now, await shareLocale(request));
  const location = sharePath(resolved.token);
  const { link } = resolved;
  if (!link.passwordHash) return { ok: true, setCookie: "", location };
  const throttle = await beginSharePasswordAttempt(link.tokenHash, address);
  if (!throttle.allowed)
    return {
      ok: false,
      status: 429,
      error: message("sharing:errors.tooManyPasswords", {
        count: minutes(throttle.retryAfterSeconds),
      }),
    };
  if (!password || !(await verifyPassword(link.passwordHash, password)))
    return { ok: false, status: 400, error: message("sharing:errors.wrongPassword") };
  await recordSharePasswordSuccess(link.tokenHash, address);
  return {
    ok: true,
    setCookie: await grantShareAccess(request, resolved.token, link, now),
    location,
  };
}

/** One table of the shared report, for the CSV download; same checks as the page. */
export async function sharedReportTable(
  request: Request,
  token: string | undefined,
  tableName: string | undefined,
  address: string,
  now = new Date(),
) {
  const locale = await shareLocale(request);
  const resolved = await admitShareRequest(token, address, now, locale);
  if (resolved.link.passwordHash && !(await hasShareAccess(request, resolved.link, now)))
    throw new Response(localeT(locale)("sharing:errors.passwordFirst"), {
      status: 403,
      headers: plainText,
    });
  const view = buildView(request, resolved, now, locale);
  const table = reportTables(view).find((t) => t.name === tableName);
  if (!table) throw invalidLink(locale);
  return { title: view.title, table: localizedTable(table, locale) };
}
