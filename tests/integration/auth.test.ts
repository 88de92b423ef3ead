import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { englishMessage } from "~/i18n/english";
import { clientNetworkKey, loginLimits } from "~/rate-limit.server";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as signupAction } from "~/routes/signup";
import { getOptionalUser } from "~/session.server";
import { createUser, DuplicateEmailError, verifyLogin } from "~/users.server";
import { BASE, settle } from "../helpers/session";
import { setUpTestDb } from "../helpers/test-db";

const { db } = setUpTestDb();
const password = "a long enough password";

/** The form-wide message of an action's answer, as English readers see it. */
function formMessage(body: unknown): string {
  return englishMessage((body as { errors?: { form?: string } }).errors?.form);
}

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
    const errors = (result.body as { errors: Record<string, string> }).errors;
    expect(englishMessage(errors.password)).toBe("Use at least 10 characters");
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

  const loginFrom = (email: string, pw: string, address: string) =>
    settle(() =>
      loginAction({
        request: post("/login", { email, password: pw }),
        params: {},
        context: { clientAddress: address },
      } as never),
    );
  const pairLimit = loginLimits.failuresPerAccountAndAddress.points;

  it("locks an account from one address after five failures, even with the right password", async () => {
    await createUser({ email: "erin@example.test", name: "Erin", password });
    for (let i = 0; i < pairLimit; i++) {
      expect((await loginFrom("erin@example.test", "wrong password!", "10.0.0.1")).status).toBe(
        400,
      );
    }
    const locked = await loginFrom("erin@example.test", password, "10.0.0.1");
    expect(locked.status).toBe(429);
    expect(formMessage(locked.body)).toBe(
      "Too many failed log-ins for this e-mail from your network. Try again in 15 minutes.",
    );
  });

  it("does not lock the same account out from another address", async () => {
    // Erin's pair with 10.0.0.1 is locked by the test above; an attacker there cannot lock her out.
    expect((await loginFrom("erin@example.test", "wrong password!", "10.0.0.1")).status).toBe(429);
    expect((await loginFrom("erin@example.test", password, "10.0.0.2")).status).toBe(302);
  });

  it("a successful login clears that address's failures for the account", async () => {
    await createUser({ email: "fay@example.test", name: "Fay", password });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < pairLimit - 1; i++) {
        expect((await loginFrom("fay@example.test", "wrong password!", "10.0.3.1")).status).toBe(
          400,
        );
      }
      expect((await loginFrom("fay@example.test", password, "10.0.3.1")).status).toBe(302);
    }
  });

  it("counts an IPv6 /64 as one address, and IPv4-mapped addresses as IPv4", async () => {
    for (let i = 0; i < pairLimit; i++) {
      const address = `2001:db8:1:2::${i + 1}`;
      expect((await loginFrom("gil@example.test", "whatever123", address)).status).toBe(400);
    }
    expect(
      (await loginFrom("gil@example.test", "whatever123", "2001:db8:1:2:ffff::9")).status,
    ).toBe(429);
    expect((await loginFrom("gil@example.test", "whatever123", "2001:db8:1:3::1")).status).toBe(
      400,
    );
    expect(clientNetworkKey("2001:0DB8:0001:0002:0:0:0:1%eth0")).toBe("2001:db8:1:2::/64");
    expect(clientNetworkKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(clientNetworkKey("::1")).toBe("0:0:0:0::/64");
  });

  it("throttles many failures from one address across accounts, not other addresses", async () => {
    await createUser({ email: "hal@example.test", name: "Hal", password });
    const perAddress = loginLimits.failuresPerAddress.points;
    for (let i = 0; i < perAddress; i++) {
      const result = await loginFrom(`nobody${i}@example.test`, "whatever123", "192.0.2.7");
      expect(result.status).toBe(400);
    }
    const stuffed = await loginFrom("hal@example.test", password, "192.0.2.7");
    expect(stuffed.status).toBe(429);
    expect(formMessage(stuffed.body)).toBe(
      "Too many failed log-ins from your network. Try again in 15 minutes.",
    );
    expect((await loginFrom("hal@example.test", password, "192.0.2.8")).status).toBe(302);
  });

  it("does not count successful logins against the address (colleagues behind one NAT)", async () => {
    await createUser({ email: "ida@example.test", name: "Ida", password });
    for (let i = 0; i <= loginLimits.failuresPerAddress.points; i++) {
      expect((await loginFrom("ida@example.test", password, "198.51.100.9")).status).toBe(302);
    }
  });

  it("does not spend the address's budget on attempts refused for a locked account", async () => {
    for (let i = 0; i < pairLimit; i++) {
      expect((await loginFrom("jo@example.test", "whatever123", "203.0.113.5")).status).toBe(400);
    }
    // Retrying the locked account many times must not lock the whole network.
    for (let i = 0; i < loginLimits.failuresPerAddress.points; i++) {
      expect((await loginFrom("jo@example.test", "whatever123", "203.0.113.5")).status).toBe(429);
    }
    expect((await loginFrom("kim@example.test", "whatever123", "203.0.113.5")).status).toBe(400);
  });
});

describe("probing fixes (issue 9)", () => {
  it("a locked log-in answers 429 with Retry-After in seconds", async () => {
    await createUser({ email: "lee@example.test", name: "Lee", password });
    const attempt = (pw: string) =>
      loginAction({
        request: post("/login", { email: "lee@example.test", password: pw }),
        params: {},
        context: { clientAddress: "10.7.7.7" },
      } as never) as unknown as Promise<{ init: { status: number; headers: HeadersInit } }>;
    for (let i = 0; i < loginLimits.failuresPerAccountAndAddress.points; i++) {
      await attempt("wrong password!");
    }
    const locked = await attempt(password);
    expect(locked.init.status).toBe(429);
    expect(new Headers(locked.init.headers).get("Retry-After")).toBe(String(15 * 60));
  });

  it("a redirectTo with non-ASCII or U+2028 is sent percent-encoded, with one session", async () => {
    await createUser({ email: "noa@example.test", name: "Noa", password });
    const before = db.select().from(schema.sessions).all().length;
    const response = (await loginAction({
      request: post("/login", {
        email: "noa@example.test",
        password,
        redirectTo: "/w/müşteri?q=отчёт\u2028x#ä",
      }),
      params: {},
      context: { clientAddress: "10.7.7.8" },
    } as never)) as Response;
    expect(response.status).toBe(302);
    const location = response.headers.get("Location") ?? "";
    expect(location).toBe("/w/m%C3%BC%C5%9Fteri?q=%D0%BE%D1%82%D1%87%D1%91%D1%82%E2%80%A8x#%C3%A4");
    expect(location).toMatch(/^[\x21-\x7e]+$/);
    expect(db.select().from(schema.sessions).all()).toHaveLength(before + 1);
  });

  it("sign-up with a taken e-mail does not say that an account exists", async () => {
    await createUser({ email: "ola@example.test", name: "Ola", password });
    const result = await settle(() =>
      signupAction({
        request: post("/signup", { name: "Ola 2", email: "OLA@example.test", password }),
        params: {},
        context: {},
      } as never),
    );
    expect(result.status).toBe(400);
    const errors = (result.body as { errors: Record<string, string> }).errors;
    const message = englishMessage(errors.email);
    expect(message).toContain("Check your inbox or log in");
    expect(message).not.toMatch(/exist/i);
  });
});
