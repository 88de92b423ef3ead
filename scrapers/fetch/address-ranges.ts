/**
 * Pure classifier: may the scraper connect to this IP address?
 *
 * Why: a source URL (or a redirect it serves) must not turn the worker into a proxy into
 * our own network: loopback, private, link-local, cloud metadata and other special-purpose
 * ranges are refused. The ranges follow the IANA IPv4 and IPv6 special-purpose registries
 * (RFC 6890 and successors). Matching uses node:net's BlockList so no CIDR arithmetic is
 * hand-written; the only parsing done here is pulling an IPv4 address out of the IPv6 forms
 * that carry one (IPv4-mapped, NAT64, 6to4), because those reach the embedded address.
 * Input must already be a canonical literal (as `new URL().hostname` or DNS gives it);
 * anything else, such as "0177.0.0.1", is refused rather than guessed at.
 */
import { BlockList, isIPv4, isIPv6 } from "node:net";

export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

interface RangeRule {
  label: string;
  list: BlockList;
}

function rule(label: string, network: string, prefix: number, family: "ipv4" | "ipv6"): RangeRule {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { label: `${label} (${network}/${prefix})`, list };
}

// Order matters only for naming: the more specific range is listed first.
const IPV4_RULES: RangeRule[] = [
  rule("unspecified / this network", "0.0.0.0", 8, "ipv4"),
  rule("private network", "10.0.0.0", 8, "ipv4"),
  rule("carrier-grade NAT shared space", "100.64.0.0", 10, "ipv4"),
  rule("loopback", "127.0.0.0", 8, "ipv4"),
  rule("cloud metadata service", "169.254.169.254", 32, "ipv4"),
  rule("link-local", "169.254.0.0", 16, "ipv4"),
  rule("private network", "172.16.0.0", 12, "ipv4"),
  rule("IETF protocol assignments", "192.0.0.0", 24, "ipv4"),
  rule("documentation TEST-NET-1", "192.0.2.0", 24, "ipv4"),
  rule("6to4 relay anycast", "192.88.99.0", 24, "ipv4"),
  rule("private network", "192.168.0.0", 16, "ipv4"),
  rule("benchmarking", "198.18.0.0", 15, "ipv4"),
  rule("documentation TEST-NET-2", "198.51.100.0", 24, "ipv4"),
  rule("documentation TEST-NET-3", "203.0.113.0", 24, "ipv4"),
  rule("multicast", "224.0.0.0", 4, "ipv4"),
  rule("limited broadcast", "255.255.255.255", 32, "ipv4"),
  rule("reserved for future use", "240.0.0.0", 4, "ipv4"),
];

const IPV6_RULES: RangeRule[] = [
  rule("unspecified", "::", 128, "ipv6"),
  rule("loopback", "::1", 128, "ipv6"),
  rule("deprecated IPv4-compatible", "::", 96, "ipv6"),
  rule("IPv4-translated (SIIT)", "::ffff:0:0:0", 96, "ipv6"),
  rule("local-use NAT64", "64:ff9b:1::", 48, "ipv6"),
  rule("discard-only", "100::", 64, "ipv6"),
  rule("IETF protocol assignments incl. Teredo", "2001::", 23, "ipv6"),
  rule("documentation", "2001:db8::", 32, "ipv6"),
  rule("documentation", "3fff::", 20, "ipv6"),
  rule("cloud metadata service", "fd00:ec2::254", 128, "ipv6"),
  rule("unique-local", "fc00::", 7, "ipv6"),
  rule("link-local", "fe80::", 10, "ipv6"),
  rule("deprecated site-local", "fec0::", 10, "ipv6"),
  rule("multicast", "ff00::", 8, "ipv6"),
];

/** Only 2000::/3 is allocated as global unicast; everything else is reserved today. */
const IPV6_GLOBAL_UNICAST = rule("global unicast", "2000::", 3, "ipv6");

function firstMatch(rules: RangeRule[], address: string, family: "ipv4" | "ipv6") {
  return rules.find((r) => r.list.check(address, family));
}

export function classifyIPv4(address: string): AddressVerdict {
  if (!isIPv4(address)) return { allowed: false, range: "not a canonical IPv4 address" };
  const match = firstMatch(IPV4_RULES, address, "ipv4");
  return match ? { allowed: false, range: match.label } : { allowed: true };
}

/** "2002:c0a8:101::1" -> [0x2002, 0xc0a8, 0x0101, 0, 0, 0, 0, 1]; input must pass isIPv6. */
export function ipv6Words(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    const tail = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    text = text.slice(0, dotted.index) + tail;
  }
  const [head = "", rest] = text.split("::");
  const parse = (part: string) => (part ? part.split(":").map((w) => Number.parseInt(w, 16)) : []);
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  const zeros = new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

function wordsToIPv4(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** The IPv4 address an IPv6 address routes to, for the forms that embed one. */
function embeddedIPv4(words: number[]): { ipv4: string; via: string } | undefined {
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0] = words;
  if (w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0xffff) {
    return { ipv4: wordsToIPv4(w6, w7), via: "IPv4-mapped IPv6 ::ffff:0:0/96" };
  }
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0) {
    return { ipv4: wordsToIPv4(w6, w7), via: "NAT64 64:ff9b::/96" };
  }
  if (w0 === 0x2002) return { ipv4: wordsToIPv4(w1, w2), via: "6to4 2002::/16" };
  return undefined;
}

export function classifyIPv6(address: string): AddressVerdict {
  if (!isIPv6(address)) return { allowed: false, range: "not a canonical IPv6 address" };
  const embedded = embeddedIPv4(ipv6Words(address));
  if (embedded) {
    const inner = classifyIPv4(embedded.ipv4);
    if (inner.allowed) return inner;
    return {
      allowed: false,
      range: `${inner.range}, embedded as ${embedded.ipv4} via ${embedded.via}`,
    };
  }
  const match = firstMatch(IPV6_RULES, address, "ipv6");
  if (match) return { allowed: false, range: match.label };
  if (!IPV6_GLOBAL_UNICAST.list.check(address, "ipv6")) {
    return { allowed: false, range: "reserved IPv6 space outside global unicast (2000::/3)" };
  }
  return { allowed: true };
}

/** Accepts "1.2.3.4", "2001:4860::1", "[2001:4860::1]" or "fe80::1%eth0". */
export function classifyAddress(address: string): AddressVerdict {
  const bare = address.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  if (isIPv4(bare)) return classifyIPv4(bare);
  if (isIPv6(bare)) return classifyIPv6(bare);
  return { allowed: false, range: "not an IP address" };
}
