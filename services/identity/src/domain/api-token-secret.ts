import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { API_TOKEN_PREFIX } from '@haven/kit/src/trust/api-token-format';

export interface NewApiToken {
  id: string;
  /** The whole token; it leaves identity once, in createApiToken's answer. */
  token: string;
  tokenHash: string;
  /** Shown in lists so admins can tell tokens apart: the prefix and the start of the (public) id. */
  prefix: string;
}

/**
 * SHA-256, hex, of the secret part. No slow hash (scrypt, as for passwords) on purpose: the secret is 256
 * random bits, not something a person chose, so there is nothing to guess from a leaked hash and a fast
 * hash loses nothing — while resolve-token runs on every API request that misses the gateway's cache.
 */
export function hashApiTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newApiToken(): NewApiToken {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return {
    id,
    token: `${API_TOKEN_PREFIX}${id}_${secret}`,
    tokenHash: hashApiTokenSecret(secret),
    prefix: `${API_TOKEN_PREFIX}${id.slice(0, 8)}`,
  };
}

/** Compares the secret's hash with the stored one in constant time (equal-length hex digests). */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashApiTokenSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
