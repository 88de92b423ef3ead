/**
 * Where a request's UI language comes from (saved > cookie > Accept-Language) and where a
 * choice is remembered: the `cs_lng` cookie for the browser, users.locale for the account.
 */
import { createCookie } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { createInstance, type TFunction } from "i18next";
import { getDb, schema } from "~/db.server";
import { getOptionalUser } from "~/session.server";
import { chooseLocale } from "./choose-locale";
import { isLocale, type Locale } from "./config";
import { i18nextOptions } from "./options";

/** Not httpOnly-sensitive (a language), but kept httpOnly: only the server reads it. */
export const localeCookie = createCookie("cs_lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 60 * 60,
});

export async function cookieLocale(request: Request): Promise<Locale | null> {
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : null;
}

export function savedLocale(userId: number): Locale | null {
  const row = getDb()
    .select({ locale: schema.users.locale })
    .from(schema.users)
    .where(eq(schema.users.id, userId))
    .get();
  return isLocale(row?.locale) ? row.locale : null;
}

export function saveUserLocale(userId: number, locale: Locale): void {
  getDb().update(schema.users).set({ locale }).where(eq(schema.users.id, userId)).run();
}

export async function resolveLocale(request: Request): Promise<Locale> {
  const user = await getOptionalUser(request);
  return chooseLocale({
    saved: user ? savedLocale(user.id) : null,
    cookie: await cookieLocale(request),
    acceptLanguage: request.headers.get("Accept-Language"),
  });
}

/** A `t` fixed to a language, for messages built on the server (actions, e-mails). */
export async function fixedT(locale: Locale): Promise<TFunction> {
  const instance = createInstance();
  await instance.init(i18nextOptions(locale));
  return instance.t;
}

/** The request's `t` and language, for an action that phrases a message with values. */
export async function requestT(request: Request): Promise<{ t: TFunction; locale: Locale }> {
  const locale = await resolveLocale(request);
  return { t: await fixedT(locale), locale };
}
