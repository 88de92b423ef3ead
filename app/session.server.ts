/**
 * Sessions live in the `sessions` table; the cookie holds only a random id, signed with
 * SESSION_SECRET, httpOnly and SameSite=Lax. Logging in always starts a new session id
 * (no fixation), logging out deletes the row (the cookie becomes worthless).
 */
import crypto from "node:crypto";
import { createCookie, createSessionStorage, redirect, type Session } from "@remix-run/node";
import { eq, lt } from "drizzle-orm";
import { getDb, schema } from "./db.server";
import { env, sessionSecrets } from "./env.server";
import { findUserById, type PublicUser } from "./users.server";

const SESSION_DAYS = 30;
const USER_KEY = "userId";

function makeStorage(secure: boolean) {
  const cookie = createCookie(secure ? "__Host-cs_session" : "cs_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    secrets: sessionSecrets(),
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
  return createSessionStorage({
    cookie,
    async createData(data, expires) {
      const id = crypto.randomBytes(32).toString("base64url");
      getDb()
        .insert(schema.sessions)
        .values({ id, userId: userIdOf(data), data, expiresAt: expiryOf(expires) })
        .run();
      return id;
    },
    async readData(id) {
      const row = getDb().select().from(schema.sessions).where(eq(schema.sessions.id, id)).get();
      if (!row) return null;
      if (row.expiresAt.getTime() <= Date.now()) {
        getDb().delete(schema.sessions).where(eq(schema.sessions.id, id)).run();
        return null;
      }
      return row.data;
    },
    async updateData(id, data, expires) {
      getDb()
        .update(schema.sessions)
        .set({ data, userId: userIdOf(data), expiresAt: expiryOf(expires) })
        .where(eq(schema.sessions.id, id))
        .run();
    },
    async deleteData(id) {
      getDb().delete(schema.sessions).where(eq(schema.sessions.id, id)).run();
    },
  });
}

function userIdOf(data: Record<string, unknown>): number | null {
  const id = data[USER_KEY];
  return typeof id === "number" ? id : null;
}

function expiryOf(expires: Date | undefined): Date {
  return expires ?? new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
}

/**
 * Secure cookies whenever the request came over https (directly or via a proxy that says
 * so). SECURE_COOKIES=true forces them; plain-http local use keeps working otherwise.
 */
export function isSecureRequest(request: Request): boolean {
  const setting = env().SECURE_COOKIES;
  if (setting !== "auto") return setting === "true";
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol;
  return proto.replace(/:$/, "") === "https";
}

const storages = new Map<boolean, ReturnType<typeof makeStorage>>();
function storageFor(request: Request) {
  const secure = isSecureRequest(request);
  let storage = storages.get(secure);
  if (!storage) {
    storage = makeStorage(secure);
    storages.set(secure, storage);
  }
  return storage;
}

export function getSession(request: Request): Promise<Session> {
  return storageFor(request).getSession(request.headers.get("Cookie"));
}

export async function getOptionalUser(request: Request): Promise<PublicUser | undefined> {
  const session = await getSession(request);
  const userId = session.get(USER_KEY);
  return typeof userId === "number" ? findUserById(userId) : undefined;
}

const LOCAL_ORIGIN = "http://channelscope.invalid";

/**
 * Only same-site relative paths, so `redirectTo` cannot send a user elsewhere. Browsers
 * drop tabs and line breaks inside URLs ("/\t/evil.example" becomes "//evil.example"), so
 * any control character or space is refused, and the path must resolve on our own origin.
 * The path comes back as the URL parser writes it, percent-encoded: a Location header may
 * hold ASCII only, so "/w/müşteri" or a U+2028 would otherwise fail the response (HTTP 500)
 * after the session was already made.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.includes("\\")) {
    return fallback;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point.
  if (/[\u0000-\u0020\u007f]/.test(to)) return fallback;
  const url = new URL(to, LOCAL_ORIGIN);
  if (url.origin !== LOCAL_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Characters the parser leaves as they are in a fragment (none in practice) still fail.
  return /^[\x21-\x7e]*$/.test(path) ? path : fallback;
}

export async function requireUser(request: Request): Promise<PublicUser> {
  const user = await getOptionalUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
}

export async function startUserSession(request: Request, userId: number, redirectTo: string) {
  // Settled before the session exists, so nothing after it can fail and leave it orphaned.
  const location = safeRedirect(redirectTo);
  const storage = storageFor(request);
  const old = await storage.getSession(request.headers.get("Cookie"));
  if (old.id) await storage.destroySession(old);
  const session = await storage.getSession();
  session.set(USER_KEY, userId);
  return redirect(location, {
    headers: { "Set-Cookie": await storage.commitSession(session) },
  });
}

export async function endUserSession(request: Request) {
  const storage = storageFor(request);
  const session = await storage.getSession(request.headers.get("Cookie"));
  return redirect("/login", { headers: { "Set-Cookie": await storage.destroySession(session) } });
}

export function purgeExpiredSessions(now = new Date()): number {
  return getDb().delete(schema.sessions).where(lt(schema.sessions.expiresAt, now)).run().changes;
}
