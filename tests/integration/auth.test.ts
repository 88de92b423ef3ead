import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { loginLimits } from "~/rate-limit.server";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as signupAction } from "~/routes/signup";
import { getOptionalUser } from "~/session.server";
import { createUser, DuplicateEmailError, verifyLogin } from "~/users.server";
import { BASE, settle } from "../helpers/session";
import { setUpTestDb } from "../helpers/test-db";

const { db } = setUpTestDb();
const password = "a long enough password";

function post(pathname: string, fields: Record<string, string>, cookie?: string): Request {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`${BASE}${pathname}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(fields),
  });
}

describe("accounts", () => {
  it("stores an argon2id hash, never the password", async () => {
    const user = await createUser({ email: " Carol@Example.TEST ", name: "Carol", password });
    expect(user.email).toBe("carol@example.test");
    const row = db.select().from(schema.users).where(eq(schema.users.id, user.id)).get();
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.passwordHash).not.toContain(password);
  });

  it("refuses a second account with the same e-mail in any case", async () => {
    await expect(
      createUser({ email: "CAROL@example.test", name: "C2", password }),
    ).rejects.toBeInstanceOf(DuplicateEmailError);
  });

  it("verifies the right password only", async () => {
    expect(await verifyLogin("carol@example.test", password)).toMatchObject({ name: "Carol" });
    expect(await verifyLogin("carol@example.test", `${password}x`)).toBeUndefined();
    expect(await verifyLogin("nobody@example.test", password)).toBeUndefined();
  });

  it("rejects short passwords at sign-up with a message on the field", async () => {
    const result = await settle(() =>
      signupAction({
        request: post("/signup", { email: "d@x.test", name: "D", password: "short" }),
        params: {},
        context: {},
      } as never),
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      errors: { password: expect.stringContaining("at least") },
    });
  });
});

describe("sessions", () => {
  it("logs in with an httpOnly, SameSite=Lax signed cookie and logs out for real", async () => {
    const response = (await loginAction({
      request: post("/login", { email: "carol@example.test", password }),
      params: {},
      context: { clientAddress: "10.9.9.1" },
    } as never)) as Response;
    expect(response.status).toBe(302);
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(";")[0] as string;
    // The cookie value is the signed session id, not the user id.
    expect(cookie).toMatch(/^cs_session=[^;]+\.[^;]+/);
    const asCarol = new Request(`${BASE}/w`, { headers: { Cookie: cookie } });
    expect(await getOptionalUser(asCarol)).toMatchObject({ email: "carol@example.test" });

    const tampered = cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(
      await getOptionalUser(new Request(`${BASE}/w`, { headers: { Cookie: tampered } })),
    ).toBeUndefined();

    await logoutAction({ request: post("/logout", {}, cookie), params: {}, context: {} } as never);
    expect(await getOptionalUser(asCarol)).toBeUndefined();
    expect(db.select().from(schema.sessions).all()).toHaveLength(0);
  });

  it("throttles failed logins per account, even with the right password afterwards", async () => {
    await createUser({ email: "erin@example.test", name: "Erin", password });
    const attempt = (pw: string, address: string) =>
      settle(() =>
        loginAction({
          request: post("/login", { email: "erin@example.test", password: pw }),
          params: {},
          context: { clientAddress: address },
        } as never),
      );
    for (let i = 0; i < loginLimits.failuresPerAccount.points; i++) {
      expect((await attempt("wrong password!", `10.0.0.${i}`)).status).toBe(400);
    }
    const locked = await attempt(password, "10.0.1.1");
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({
      errors: { form: expect.stringContaining("Too many attempts") },
    });
  });

  it("throttles many attempts from one address across accounts", async () => {
    let last = 0;
    for (let i = 0; i <= loginLimits.attemptsPerAddress.points; i++) {
      const result = await settle(() =>
        loginAction({
          request: post("/login", { email: `nobody${i}@example.test`, password: "whatever123" }),
          params: {},
          context: { clientAddress: "192.0.2.7" },
        } as never),
      );
      last = result.status;
    }
    expect(last).toBe(429);
  });
});
