import { describe, expect, it } from "vitest";
import { EnvSchema } from "~/env.server";

describe("SESSION_SECRET", () => {
  it("takes one or more comma-separated secrets of at least 16 characters each", () => {
    expect(EnvSchema.safeParse({ SESSION_SECRET: "0123456789abcdef" }).success).toBe(true);
    expect(
      EnvSchema.safeParse({ SESSION_SECRET: "new-secret-0123456789, old-secret-0123456789" })
        .success,
    ).toBe(true);
  });

  it("refuses a short part, which would otherwise sign new cookies when it comes first", () => {
    const parsed = EnvSchema.safeParse({ SESSION_SECRET: "a,0123456789abcdef" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/at least 16 characters/);
  });
});
