import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * TOTP as RFC 6238 defines it and every authenticator app speaks it: HMAC-SHA-1, 30-second steps, 6 digits,
 * secrets of 20 random bytes (RFC 4226's recommended 160 bits) written in base32 for the app. No library: the
 * algorithm is a dozen lines on node:crypto, checked against the RFC's own test vectors (totp.test.ts).
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
const SECRET_BYTES = 20;
/** One step either side of now: a phone clock a little off, or a code typed as it changed, still counts. */
const ALLOWED_DRIFT_STEPS = 1;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding (what otpauth:// URIs carry). */
export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export function newTotpSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

/** The time step a moment falls in: unix seconds / 30, rounded down. */
export function timeStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** RFC 4226 HOTP with dynamic truncation, for one counter value; `digits` only for the RFC's 8-digit vectors. */
export function hotp(secret: Buffer, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totpCode(secret: Buffer, now: Date): string {
  return hotp(secret, timeStep(now));
}

/** Six digits, spaces allowed ("123 456" as many apps show it); anything else is not a TOTP code. */
export function normaliseTotpCode(input: string): string | null {
  const digits = input.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step `code` belongs to, if it is the code of now or one step either side and later than
 * `lastAcceptedStep` (a code already used, or an older one, is a replay); else null. Compares in constant time.
 */
export function matchingStep(secret: Buffer, code: string, now: Date, lastAcceptedStep: number | null): number | null {
  const current = timeStep(now);
  let matched: number | null = null;
  for (let step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
    const expected = Buffer.from(hotp(secret, step));
    const given = Buffer.from(code.padEnd(expected.length, ' ').slice(0, expected.length));
    if (timingSafeEqual(expected, given) && (lastAcceptedStep === null || step > lastAcceptedStep)) matched ??= step;
  }
  return matched;
}

/**
 * The enrolment link authenticator apps read from the QR code (Google's Key Uri Format): issuer and account label,
 * the secret, and the parameters spelt out though they are the defaults, so no app has to guess.
 */
export function otpauthUri(secret: Buffer, account: string, issuer = 'Haven'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const params = new URLSearchParams({
    secret: base32Encode(secret),
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
