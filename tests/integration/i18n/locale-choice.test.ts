// The switcher remembers a language per browser (cookie) and per account (users.locale),
// and a request's language follows saved > cookie > Accept-Language.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { resolveLocale } from "~/i18n/locale.server";
import { action as localeAction } from "~/routes/locale";
import { createUser } from "~/users.server";
import { BASE, cookieFor } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";

const { db } = setUpTestDb();

function switchTo(locale: string, cookie?: string, redirectTo = "/w/acme/campaigns") {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  const request = new Request(`${BASE}/locale`, {
    method: "POST",
    headers,
    body: new URLSearchParams({ locale, redirectTo }),
  });
  return localeAction({ request, params: {}, context: {} } as never);
}

function page(headers: Record<string, string>) {
  return new Request(`${BASE}/login`, { headers });
}

describe("choosing the UI language", () => {
  it("remembers an anonymous choice in a cookie and goes back to the page", async () => {
    const response = await switchTo("tr");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/w/acme/campaigns");
    const cookie = (response.headers.get("Set-Cookie") ?? "").split(";")[0] as string;
    expect(cookie).toMatch(/^cs_lng=/);
    expect(await resolveLocale(page({ Cookie: cookie, "Accept-Language": "ru" }))).toBe("tr");
  });

  it("saves a signed-in user's choice, which wins over the cookie and the browser", async () => {
    const user = await createUser({
      email: "lin@example.test",
      name: "Lin",
      password: "a long enough password",
    });
    const session = await cookieFor(user.id);
    await switchTo("ru", session);
    const saved = db.select().from(schema.users).where(eq(schema.users.id, user.id)).get();
    expect(saved?.locale).toBe("ru");
    const trCookie = (await switchTo("tr")).headers.get("Set-Cookie")?.split(";")[0] as string;
    // Another browser that remembers Turkish, asking for English: the account says Russian.
    const elsewhere = `${session}; ${trCookie}`;
    expect(await resolveLocale(page({ Cookie: elsewhere, "Accept-Language": "en" }))).toBe("ru");
  });

  it("follows Accept-Language without a choice, and refuses unknown languages", async () => {
    expect(await resolveLocale(page({ "Accept-Language": "ru-RU,ru;q=0.9" }))).toBe("ru");
    expect(await resolveLocale(page({}))).toBe("en");
    const refused = await switchTo("de");
    expect(refused.headers.get("Set-Cookie")).toBeNull();
    const offsite = await switchTo("tr", undefined, "//evil.example");
    expect(offsite.headers.get("Location")).toBe("/");
  });
});
