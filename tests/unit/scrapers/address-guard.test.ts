// The guard is driven by an injected resolver, so no DNS query and no socket is involved.
import { describe, expect, it } from "vitest";
import {
  createAllowList,
  pinnedLookup,
  type ResolvedAddress,
  resolveGuarded,
} from "#scrapers/fetch/address-guard";
import { BlockedAddressError, NetworkError } from "#scrapers/fetch/errors";

function fakeResolver(table: Record<string, ResolvedAddress[]>) {
  const calls: string[] = [];
  const resolve = async (host: string) => {
    calls.push(host);
    const answers = table[host];
    if (!answers)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return answers;
  };
  return { resolve, calls };
}

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

describe("resolveGuarded", () => {
  it("returns the resolved public address", async () => {
    const { resolve } = fakeResolver({ "example.test": [v4("93.184.216.34")] });
    const url = new URL("http://example.test/page");
    const result = await resolveGuarded(url, { resolve, allowList: createAllowList([]) });
    expect(result).toEqual(v4("93.184.216.34"));
  });

  it("refuses a name that resolves to a private address and names host, address and range", async () => {
    const { resolve } = fakeResolver({ "intranet.test": [v4("10.1.2.3")] });
    const url = new URL("http://intranet.test/");
    const error = await resolveGuarded(url, { resolve, allowList: createAllowList([]) }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error).toMatchObject({
      host: "intranet.test",
      address: "10.1.2.3",
      range: "private network (10.0.0.0/8)",
    });
    expect(error.message).toContain("intranet.test at 10.1.2.3");
    expect(error.message).toContain("private network (10.0.0.0/8)");
  });

  it("refuses a name when any one of its answers is forbidden", async () => {
    const { resolve } = fakeResolver({ "mixed.test": [v4("93.184.216.34"), v6("fd00:ec2::254")] });
    const error = await resolveGuarded(new URL("https://mixed.test/"), {
      resolve,
      allowList: createAllowList([]),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error.address).toBe("fd00:ec2::254");
  });

  it("checks IP literals without resolving them", async () => {
    const { resolve, calls } = fakeResolver({});
    const allowList = createAllowList([]);
    await expect(
      resolveGuarded(new URL("http://0x7f.1/"), { resolve, allowList }),
    ).rejects.toMatchObject({
      address: "127.0.0.1",
    });
    await expect(
      resolveGuarded(new URL("http://[::1]:8080/"), { resolve, allowList }),
    ).rejects.toBeInstanceOf(BlockedAddressError);
    expect(calls).toEqual([]);
  });

  it("lets allow-listed IPs through, and only those", async () => {
    const { resolve } = fakeResolver({
      "local.test": [v4("127.0.0.1")],
      "other.test": [v4("127.0.0.2")],
    });
    const allowList = createAllowList(["127.0.0.1"]);
    await expect(
      resolveGuarded(new URL("http://127.0.0.1:9/"), { resolve, allowList }),
    ).resolves.toEqual(v4("127.0.0.1"));
    await expect(
      resolveGuarded(new URL("http://local.test/"), { resolve, allowList }),
    ).resolves.toEqual(v4("127.0.0.1"));
    await expect(
      resolveGuarded(new URL("http://127.0.0.2/"), { resolve, allowList }),
    ).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(
      resolveGuarded(new URL("http://other.test/"), { resolve, allowList }),
    ).rejects.toBeInstanceOf(BlockedAddressError);
  });

  it("lets an allow-listed host name through whatever it resolves to", async () => {
    const { resolve } = fakeResolver({ "fixtures.test": [v4("127.0.0.1"), v6("::1")] });
    const allowList = createAllowList(["fixtures.test"]);
    await expect(
      resolveGuarded(new URL("http://FIXTURES.test/"), { resolve, allowList }),
    ).resolves.toEqual(v4("127.0.0.1"));
  });

  it("matches allow-listed IPv6 addresses whatever their spelling", async () => {
    const { resolve } = fakeResolver({});
    const allowList = createAllowList(["0:0:0:0:0:0:0:1"]);
    await expect(resolveGuarded(new URL("http://[::1]/"), { resolve, allowList })).resolves.toEqual(
      v6("::1"),
    );
  });

  it("reports DNS failures as network errors", async () => {
    const { resolve } = fakeResolver({});
    const error = await resolveGuarded(new URL("http://missing.test/"), {
      resolve,
      allowList: createAllowList([]),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.code).toBe("ENOTFOUND");
  });
});

describe("pinnedLookup", () => {
  it("answers any name with the pinned address, in single and all-addresses mode", () => {
    const lookup = pinnedLookup(v4("127.0.0.1"));
    const single: unknown[] = [];
    lookup("evil.test", {}, (...args: unknown[]) => single.push(args));
    expect(single).toEqual([[null, "127.0.0.1", 4]]);
    const all: unknown[] = [];
    lookup("evil.test", { all: true }, (...args: unknown[]) => all.push(args));
    expect(all).toEqual([[null, [v4("127.0.0.1")]]]);
  });
});
