/**
 * Which network addresses a URL import may connect to: public unicast only. Refused are the private,
 * loopback, link-local, unique-local, multicast, unspecified, CGNAT, benchmarking, documentation and
 * reserved ranges, and IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) when that address
 * is one of those.
 */
import { isIP } from "node:net";

interface Range {
  bytes: number[];
  bits: number;
}

function range(cidr: string): Range {
  const [address = "", bits = ""] = cidr.split("/");
  const bytes = addressBytes(address);
  if (!bytes) throw new Error(`bad range ${cidr}`);
  return { bytes, bits: Number(bits) };
}

const REFUSED_V4 = [
  "0.0.0.0/8", // "this network", unspecified
  "10.0.0.0/8", // private
  "100.64.0.0/10", // CGNAT
  "127.0.0.0/8", // loopback
  "169.254.0.0/16", // link-local (cloud metadata)
  "172.16.0.0/12", // private
  "192.0.0.0/24", // IETF protocol assignments
  "192.0.2.0/24", // documentation
  "192.88.99.0/24", // 6to4 relay anycast
  "192.168.0.0/16", // private
  "198.18.0.0/15", // benchmarking
  "198.51.100.0/24", // documentation
  "203.0.113.0/24", // documentation
  "224.0.0.0/4", // multicast
  "240.0.0.0/4", // reserved, broadcast
].map(range);

const REFUSED_V6 = [
  "::/96", // unspecified, loopback, IPv4-compatible (deprecated)
  "100::/64", // discard
  "2001::/23", // IETF protocol assignments (Teredo, ORCHID, …)
  "2001:db8::/32", // documentation
  "fc00::/7", // unique-local
  "fe80::/10", // link-local
  "fec0::/10", // site-local (deprecated)
  "ff00::/8", // multicast
].map(range);

/** IPv6 prefixes whose address embeds an IPv4 one, and the byte where it starts. */
const EMBEDDING_V4 = [
  { range: range("::ffff:0:0/96"), at: 12 }, // IPv4-mapped
  { range: range("64:ff9b::/96"), at: 12 }, // NAT64
  { range: range("2002::/16"), at: 2 }, // 6to4
];

function v4Bytes(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return undefined;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : undefined;
}

function v6Bytes(text: string): number[] | undefined {
  let groups = text.split(":");
  const last = groups.at(-1) ?? "";
  const tail = last.includes(".") ? v4Bytes(last) : undefined;
  if (last.includes(".")) {
    if (!tail) return undefined;
    groups = [
      ...groups.slice(0, -1),
      ((tail[0] ?? 0) * 256 + (tail[1] ?? 0)).toString(16),
      ((tail[2] ?? 0) * 256 + (tail[3] ?? 0)).toString(16),
    ];
  }
  const gap = groups.indexOf("");
  if (gap !== -1) {
    const filled = groups.filter((group) => group !== "");
    const zeros = Array<string>(8 - filled.length).fill("0");
    const before = groups.slice(0, gap).filter((group) => group !== "");
    groups = [...before, ...zeros, ...filled.slice(before.length)];
  }
  if (groups.length !== 8 || !groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  return groups.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

/** The bytes of an IPv4 or IPv6 address (4 or 16); undefined for anything else. */
export function addressBytes(address: string): number[] | undefined {
  const plain = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(plain);
  if (family === 4) return v4Bytes(plain);
  if (family === 6) return v6Bytes(plain);
  return undefined;
}

function inRange(bytes: readonly number[], { bytes: prefix, bits }: Range): boolean {
  if (bytes.length !== prefix.length) return false;
  for (let bit = 0; bit < bits; bit += 8) {
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((prefix[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

function isPublicBytes(bytes: readonly number[]): boolean {
  if (bytes.length === 4) return !REFUSED_V4.some((refused) => inRange(bytes, refused));
  const embedding = EMBEDDING_V4.find(({ range: prefix }) => inRange(bytes, prefix));
  if (embedding) return isPublicBytes(bytes.slice(embedding.at, embedding.at + 4));
  return !REFUSED_V6.some((refused) => inRange(bytes, refused));
}

/** A public unicast address a URL import may connect to; false for anything that is not an address. */
export function isPublicAddress(address: string): boolean {
  const bytes = addressBytes(address);
  return bytes !== undefined && isPublicBytes(bytes);
}

/** Decides whether the importer may connect to an address. Production uses `isPublicAddress`. */
export type AddressPolicy = (address: string) => boolean;
