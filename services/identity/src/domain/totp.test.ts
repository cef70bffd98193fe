import { base32Decode, base32Encode, hotp, matchingStep, normaliseTotpCode, otpauthUri, timeStep, totpCode } from './totp';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII "12345678901234567890"; 8-digit codes at these times.
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, SHA-1, 30 s)', () => {
  it.each(RFC_VECTORS)('gives the RFC 6238 code at unix time %i', (seconds, expected) => {
    expect(hotp(RFC_SECRET, timeStep(new Date(seconds * 1000)), 8)).toBe(expected);
  });

  it('gives RFC 4226 HOTP values for counters 0 and 9 (six digits)', () => {
    expect(hotp(RFC_SECRET, 0)).toBe('755224');
    expect(hotp(RFC_SECRET, 9)).toBe('520489');
  });

  it('round-trips base32 as RFC 4648 writes it', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
  });

  it('accepts the code of now and of one step either side, nothing further', () => {
    const now = new Date(1_800_000_000_000);
    const step = timeStep(now);
    expect(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, now), now, null)).toBe(step);
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, step - 1), now, null)).toBe(step - 1);
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, step + 1), now, null)).toBe(step + 1);
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, step - 2), now, null)).toBeNull();
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, step + 2), now, null)).toBeNull();
  });

  it('refuses a code of the last accepted step or an earlier one (replay)', () => {
    const now = new Date(1_800_000_000_000);
    const step = timeStep(now);
    expect(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, now), now, step)).toBeNull();
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, step - 1), now, step - 1)).toBeNull();
    expect(matchingStep(RFC_SECRET, hotp(RFC_SECRET, step + 1), now, step)).toBe(step + 1);
  });

  it('reads six digits with spaces, and nothing else', () => {
    expect(normaliseTotpCode('123 456')).toBe('123456');
    expect(normaliseTotpCode('12345')).toBeNull();
    expect(normaliseTotpCode('12345a')).toBeNull();
    expect(normaliseTotpCode('1234567')).toBeNull();
  });

  it('writes an otpauth URI that authenticator apps read', () => {
    const uri = new URL(otpauthUri(RFC_SECRET, 'someone@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Haven:someone@example.org');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      issuer: 'Haven',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
