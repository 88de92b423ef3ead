import { startUserSession } from "~/session.server";

export const BASE = "http://localhost:3000";

/** Logs a user in through the real session code and returns the Cookie header to send. */
export async function cookieFor(userId: number): Promise<string> {
  const response = await startUserSession(new Request(`${BASE}/login`), userId, "/w");
  const setCookie = response.headers.get("Set-Cookie");
  if (!setCookie) throw new Error("login set no cookie");
  return setCookie.split(";")[0] as string;
}

export function requestAs(cookie: string, pathname: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set("Cookie", cookie);
  return new Request(`${BASE}${pathname}`, { ...init, headers });
}

/** Runs a loader/action and returns the Response it returned or threw. */
export async function settle(run: () => unknown): Promise<{ status: number; body: unknown }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, body: result };
    const maybeData = result as {
      type?: string;
      init?: { status?: number } | null;
      data?: unknown;
    };
    if (maybeData && maybeData.type === "DataWithResponseInit") {
      return { status: maybeData.init?.status ?? 200, body: maybeData.data };
    }
    return { status: 200, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: thrown };
    throw thrown;
  }
}
