// Pure classifier tests: addresses are only strings here, nothing is ever connected to.
import { describe, expect, it } from "vitest";
import { hostOf } from "#scrapers/fetch/address-guard";
import { classifyAddress, ipv6Words } from "#scrapers/fetch/address-ranges";

function rangeOf(address: string): string | undefined {
  const verdict = classifyAddress(address);
  return verdict.allowed ? undefined : verdict.range;
}

describe("classifyAddress, IPv4", () => {
  it.each([
    ["127.0.0.1", "loopback (127.0.0.0/8)"],
    ["127.255.255.254", "loopback (127.0.0.0/8)"],
    ["0.0.0.0", "unspecified / this network (0.0.0.0/8)"],
    ["10.0.0.1", "private network (10.0.0.0/8)"],
    ["172.16.0.0", "private network (172.16.0.0/12)"],
    ["172.31.255.255", "private network (172.16.0.0/12)"],
    ["192.168.1.1", "private network (192.168.0.0/16)"],
    ["100.64.0.1", "carrier-grade NAT shared space (100.64.0.0/10)"],
    ["100.127.255.255", "carrier-grade NAT shared space (100.64.0.0/10)"],
    ["169.254.169.254", "cloud metadata service (169.254.169.254/32)"],
    ["169.254.10.20", "link-local (169.254.0.0/16)"],
    ["224.0.0.1", "multicast (224.0.0.0/4)"],
    ["239.255.255.250", "multicast (224.0.0.0/4)"],
    ["255.255.255.255", "limited broadcast (255.255.255.255/32)"],
    ["240.0.0.1", "reserved for future use (240.0.0.0/4)"],
    ["192.0.2.7", "documentation TEST-NET-1 (192.0.2.0/24)"],
    ["198.19.0.1", "benchmarking (198.18.0.0/15)"],
  ])("refuses %s as %s", (address, range) => {
    expect(rangeOf(address)).toBe(range);
  });

  // Addresses one step outside each private range must stay allowed.
  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.15.255.255",
    "172.32.0.0",
    "100.63.255.255",
    "100.128.0.0",
    "11.0.0.1",
    "169.253.255.255",
    "223.255.255.255",
  ])("allows public %s", (address) => {
    expect(classifyAddress(address)).toEqual({ allowed: true });
  });
});

describe("classifyAddress, IPv6", () => {
  it.each([
    ["::1", "loopback (::1/128)"],
    ["::", "unspecified (::/128)"],
    ["fe80::1", "link-local (fe80::/10)"],
    ["fe80::1%eth0", "link-local (fe80::/10)"],
    ["febf:ffff::1", "link-local (fe80::/10)"],
    ["fc00::1", "unique-local (fc00::/7)"],
    ["fdff:ffff::1", "unique-local (fc00::/7)"],
    ["fd00:ec2::254", "cloud metadata service (fd00:ec2::254/128)"],
    ["ff02::1", "multicast (ff00::/8)"],
    ["2001:db8::1", "documentation (2001:db8::/32)"],
    ["2001::1", "IETF protocol assignments incl. Teredo (2001::/23)"],
    ["::7f00:1", "deprecated IPv4-compatible (::/96)"],
    ["4000::1", "reserved IPv6 space outside global unicast (2000::/3)"],
  ])("refuses %s as %s", (address, range) => {
    expect(rangeOf(address)).toBe(range);
  });

  it.each([
    [
      "::ffff:127.0.0.1",
      "loopback (127.0.0.0/8), embedded as 127.0.0.1 via IPv4-mapped IPv6 ::ffff:0:0/96",
    ],
    [
      "::ffff:7f00:1",
      "loopback (127.0.0.0/8), embedded as 127.0.0.1 via IPv4-mapped IPv6 ::ffff:0:0/96",
    ],
    [
      "::ffff:a9fe:a9fe",
      "cloud metadata service (169.254.169.254/32), embedded as 169.254.169.254 via IPv4-mapped IPv6 ::ffff:0:0/96",
    ],
    [
      "64:ff9b::10.0.0.1",
      "private network (10.0.0.0/8), embedded as 10.0.0.1 via NAT64 64:ff9b::/96",
    ],
    [
      "64:ff9b::c0a8:101",
      "private network (192.168.0.0/16), embedded as 192.168.1.1 via NAT64 64:ff9b::/96",
    ],
    [
      "2002:c0a8:101::1",
      "private network (192.168.0.0/16), embedded as 192.168.1.1 via 6to4 2002::/16",
    ],
    ["2002:7f00:1::", "loopback (127.0.0.0/8), embedded as 127.0.0.1 via 6to4 2002::/16"],
  ])("refuses %s because of the IPv4 address it embeds", (address, range) => {
    expect(rangeOf(address)).toBe(range);
  });

  it.each([
    "2001:4860:4860::8888",
    "2606:4700::1111",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("allows public %s", (address) => {
    expect(classifyAddress(address)).toEqual({ allowed: true });
  });
});

describe("classifyAddress, odd spellings", () => {
  // WHATWG URL turns these legacy IPv4 spellings into dotted decimal; the guard reads
  // hostOf(url), so the classifier always sees the normalised form.
  it.each([
    ["http://2130706433/", "127.0.0.1"],
    ["http://0177.0.0.1/", "127.0.0.1"],
    ["http://0x7f.1/", "127.0.0.1"],
    ["http://0x7f000001/", "127.0.0.1"],
    ["http://127.1/", "127.0.0.1"],
    ["http://017700000001/", "127.0.0.1"],
    ["http://0xa9.0xfe.0xa9.0xfe/", "169.254.169.254"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
    ["http://[0:0:0:0:0:0:0:1]/", "::1"],
  ])("%s is seen as %s and refused", (url, normalised) => {
    const host = hostOf(new URL(url));
    expect(host).toBe(normalised);
    expect(classifyAddress(host).allowed).toBe(false);
  });

  it("refuses un-normalised literals instead of guessing what they mean", () => {
    expect(rangeOf("0177.0.0.1")).toBe("not an IP address");
    expect(rangeOf("2130706433")).toBe("not an IP address");
    expect(rangeOf("localhost")).toBe("not an IP address");
  });
});

describe("ipv6Words", () => {
  it("expands :: and a dotted IPv4 tail into eight 16-bit words", () => {
    expect(ipv6Words("2002:c0a8:101::1")).toEqual([0x2002, 0xc0a8, 0x0101, 0, 0, 0, 0, 1]);
    expect(ipv6Words("::ffff:1.2.3.4")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(ipv6Words("1::")).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(ipv6Words("::")).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(ipv6Words("1:2:3:4:5:6:7:8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
