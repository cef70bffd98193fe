import type { IncomingMessage } from 'node:http';
import { addressBucketKey, clientAddressOf, DEFAULT_TRUSTED_PROXIES, parseTrustedProxies, trustedProxyList } from './client-address';

const request = (peer: string | undefined, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('clientAddressOf', () => {
  const loopback = trustedProxyList(DEFAULT_TRUSTED_PROXIES);

  it("is the socket's peer when no proxy is involved", () => {
    expect(clientAddressOf(request('203.0.113.9'), loopback)).toBe('203.0.113.9');
    expect(clientAddressOf(request('::ffff:203.0.113.9'), loopback)).toBe('203.0.113.9');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddressOf(request('203.0.113.9', '198.51.100.1'), loopback)).toBe('203.0.113.9');
  });

  it('takes the entry a trusted proxy added (the last), never one its client wrote before it', () => {
    expect(clientAddressOf(request('127.0.0.1', '198.51.100.1'), loopback)).toBe('198.51.100.1');
    expect(clientAddressOf(request('::1', '1.1.1.1, 198.51.100.1'), loopback)).toBe('198.51.100.1');
    expect(clientAddressOf(request('::ffff:127.0.0.1', ['1.1.1.1', '198.51.100.2']), loopback)).toBe('198.51.100.2');
    expect(clientAddressOf(request('127.0.0.1', '198.51.100.1:51234'), loopback)).toBe('198.51.100.1');
    expect(clientAddressOf(request('127.0.0.1', '[2001:DB8::1]:443'), loopback)).toBe('2001:db8::1');
  });

  it('falls back to the trusted peer itself when its header is missing or not an address', () => {
    expect(clientAddressOf(request('127.0.0.1'), loopback)).toBe('127.0.0.1');
    expect(clientAddressOf(request('127.0.0.1', 'unknown'), loopback)).toBe('127.0.0.1');
    expect(clientAddressOf(request('127.0.0.1', '198.51.100.1, '), loopback)).toBe('127.0.0.1');
  });

  it('trusts listed ranges and nothing else; an empty list trusts no one', () => {
    const list = trustedProxyList(parseTrustedProxies('10.0.0.0/8, fd00::/8'));
    expect(clientAddressOf(request('10.1.2.3', '198.51.100.1'), list)).toBe('198.51.100.1');
    expect(clientAddressOf(request('fd12::5', '198.51.100.1'), list)).toBe('198.51.100.1');
    expect(clientAddressOf(request('127.0.0.1', '198.51.100.1'), list)).toBe('127.0.0.1');
    expect(clientAddressOf(request('127.0.0.1', '198.51.100.1'), trustedProxyList(parseTrustedProxies('')))).toBe('127.0.0.1');
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address, however it is written', () => {
    // Otherwise every such spelling would share one bucket apart from the IPv4 address's own.
    for (const written of ['::ffff:c000:201', '0:0:0:0:0:ffff:192.0.2.1', '::FFFF:C000:0201', '0000:0000:0000:0000:0000:ffff:c000:0201']) {
      expect(clientAddressOf(request('127.0.0.1', written), loopback)).toBe('192.0.2.1');
      expect(clientAddressOf(request(written), loopback)).toBe('192.0.2.1');
    }
    // A hex-written loopback peer is still the trusted loopback.
    expect(clientAddressOf(request('::ffff:7f00:1', '198.51.100.1'), loopback)).toBe('198.51.100.1');
  });

  it('names a socket without an address "unknown" rather than failing', () => {
    expect(clientAddressOf(request(undefined, '198.51.100.1'), loopback)).toBe('unknown');
  });
});

describe('parseTrustedProxies', () => {
  it('accepts addresses and CIDR ranges of both families', () => {
    expect(parseTrustedProxies(' 127.0.0.1 ,::1,172.18.0.0/16, fd00::/8 ')).toEqual(['127.0.0.1', '::1', '172.18.0.0/16', 'fd00::/8']);
  });

  it('refuses anything else, naming the entry', () => {
    for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/8/8', '::1/129', '10.0.0.0/x']) {
      expect(() => parseTrustedProxies(`127.0.0.1,${bad}`)).toThrow(bad);
    }
  });
});

describe('addressBucketKey', () => {
  it('keeps IPv4 addresses apart', () => {
    expect(addressBucketKey('198.51.100.1')).not.toBe(addressBucketKey('198.51.100.2'));
  });

  it('puts a whole IPv6 /64 in one bucket, however the address is written', () => {
    const a = addressBucketKey('2001:db8:1:2::1');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(addressBucketKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(a);
    expect(addressBucketKey('2001:db8:1:3::1')).not.toBe(a);
    expect(addressBucketKey('::1')).toBe('0:0:0:0::/64');
    expect(addressBucketKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });
});
