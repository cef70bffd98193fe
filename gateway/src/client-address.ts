import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * Who may tell the gateway a client's address: loopback only, by default. On one machine (npm start, or a
 * reverse proxy beside the gateway) the caller on loopback is the portal or that proxy; trusting it lets the
 * portal, which calls the gateway for every browser, say whose sign-in it forwards — otherwise all anonymous
 * portal traffic would share the portal's one address and one bucket. Anything further away (a portal or
 * proxy in another container) must be listed in HAVEN_TRUSTED_PROXIES; an unlisted peer's header is ignored.
 */
export const DEFAULT_TRUSTED_PROXIES = ['127.0.0.0/8', '::1'];

/**
 * Parses HAVEN_TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (`10.0.0.7`, `172.18.0.0/16`, `fd00::/8`);
 * empty means trust no one. Throws naming the first entry that is neither.
 */
export function parseTrustedProxies(spec: string): string[] {
  const entries = spec.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const bits = prefix === undefined ? null : Number(prefix);
    const validPrefix = bits === null || (/^\d+$/.test(prefix!) && bits <= (family === 4 ? 32 : 128));
    if (family === 0 || rest.length > 0 || !validPrefix) throw new Error(`not an address or CIDR range: '${entry}'`);
  }
  return entries;
}

export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of parseTrustedProxies(entries.join(','))) {
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

/**
 * The address a request comes from: the socket's peer, or — when that peer is a trusted proxy — the last
 * X-Forwarded-For entry, the one that proxy added itself. Entries further left were written by whoever
 * talked to that proxy and are never believed: one trusted hop, no more. A trusted proxy that sends no
 * usable entry is taken as the client itself.
 */
export function clientAddressOf(req: IncomingMessage, trusted: BlockList): string {
  const peer = normaliseAddress(req.socket.remoteAddress ?? '') ?? 'unknown';
  if (peer === 'unknown' || !trusted.check(peer, isIP(peer) === 4 ? 'ipv4' : 'ipv6')) return peer;
  const header = req.headers['x-forwarded-for'];
  const last = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').at(-1)?.trim() ?? '';
  return normaliseAddress(withoutPort(last)) ?? peer;
}

/**
 * The rate-limit key of an address. An IPv6 client controls at least a /64 (its whole network), so all of it
 * counts as one; IPv4 addresses count one by one. IPv4-mapped IPv6 (`::ffff:192.0.2.1`) is the IPv4 address.
 */
export function addressBucketKey(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

/**
 * A valid IP address in its plain form, or null. IPv4-mapped IPv6 is unwrapped however it is spelt
 * (`::ffff:192.0.2.1`, `::ffff:c000:201`, eight full groups): a proxy may forward any of them, and each must
 * land in the IPv4 address's own bucket, not in one they would otherwise share.
 */
function normaliseAddress(value: string): string | null {
  const family = isIP(value);
  if (family === 0) return null;
  if (family === 4) return value;
  const groups = expandIpv6(value);
  const isMapped = groups.slice(0, 5).every((group) => group === '0') && groups[5] === 'ffff';
  if (!isMapped) return value.toLowerCase();
  const [high, low] = [parseInt(groups[6]!, 16), parseInt(groups[7]!, 16)];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** Some proxies write `192.0.2.1:51234` or `[2001:db8::1]:443`. */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry)?.[1];
  if (bracketed) return bracketed;
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(entry)?.[1];
  return v4WithPort ?? entry;
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded, each without leading zeros. */
function expandIpv6(address: string): string[] {
  const withoutZone = address.split('%')[0]!;
  const [head = '', tail] = withoutZone.split('::') as [string, string | undefined];
  const groups = (part: string) => (part ? part.split(':') : []);
  // A trailing embedded IPv4 (e.g. 64:ff9b::192.0.2.1) is two groups.
  const toHex = (parts: string[]) =>
    parts.flatMap((group) => {
      if (!group.includes('.')) return [group];
      const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  const left = toHex(groups(head));
  const right = tail === undefined ? [] : toHex(groups(tail));
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
