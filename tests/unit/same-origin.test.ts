import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "~/same-origin.server";
import { safeRedirect } from "~/session.server";

const base = {
  host: "localhost:3000",
  protocol: "http",
  allowedOrigins: [] as string[],
  secFetchSite: undefined,
};

describe("same-origin check for mutating requests", () => {
  it("lets reads through whatever their origin", () => {
    expect(isSameOriginRequest({ ...base, method: "GET", origin: "https://evil.example" })).toBe(
      true,
    );
  });
  it("accepts a POST from this site and refuses one from another", () => {
    expect(isSameOriginRequest({ ...base, method: "POST", origin: "http://localhost:3000" })).toBe(
      true,
    );
    expect(isSameOriginRequest({ ...base, method: "POST", origin: "http://localhost:3001" })).toBe(
      false,
    );
    expect(isSameOriginRequest({ ...base, method: "DELETE", origin: "https://evil.example" })).toBe(
      false,
    );
    expect(isSameOriginRequest({ ...base, method: "POST", origin: "null" })).toBe(false);
  });
  it("compares the scheme too: an https Origin against the app served over http is refused", () => {
    expect(isSameOriginRequest({ ...base, method: "POST", origin: "https://localhost:3000" })).toBe(
      false,
    );
    expect(
      isSameOriginRequest({
        ...base,
        protocol: "https",
        method: "POST",
        origin: "https://localhost:3000",
      }),
    ).toBe(true);
  });
  it("accepts configured public origins (behind a proxy)", () => {
    const check = {
      ...base,
      method: "POST",
      origin: "https://cs.bank.example",
      allowedOrigins: ["https://cs.bank.example"],
    };
    expect(isSameOriginRequest(check)).toBe(true);
  });
  it("falls back to Sec-Fetch-Site without Origin, and trusts non-browser clients", () => {
    expect(
      isSameOriginRequest({
        ...base,
        method: "POST",
        origin: undefined,
        secFetchSite: "cross-site",
      }),
    ).toBe(false);
    expect(
      isSameOriginRequest({
        ...base,
        method: "POST",
        origin: undefined,
        secFetchSite: "same-origin",
      }),
    ).toBe(true);
    expect(isSameOriginRequest({ ...base, method: "POST", origin: undefined })).toBe(true);
  });
});

describe("safeRedirect", () => {
  it("keeps local paths and drops anything that leaves the site", () => {
    expect(safeRedirect("/w/demo?x=1")).toBe("/w/demo?x=1");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect(null, "/w")).toBe("/w");
  });

  it("refuses paths that browsers turn into another site by dropping tabs or line breaks", () => {
    expect(safeRedirect("/\t/evil.example")).toBe("/");
    expect(safeRedirect("/\n/evil.example")).toBe("/");
    expect(safeRedirect("/%09/evil.example")).toBe("/%09/evil.example");
    expect(safeRedirect("/ /evil.example")).toBe("/");
    expect(safeRedirect("/w/demo/customers?q=ay%C5%9Fe")).toBe("/w/demo/customers?q=ay%C5%9Fe");
  });
});
