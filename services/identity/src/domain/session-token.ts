import { createHash, randomBytes } from 'node:crypto';

export const SESSION_TOKEN_PREFIX = 'hvs_';
/** hvs_ + base64url of 32 bytes (43 characters). */
const SESSION_TOKEN_PATTERN = /^hvs_[A-Za-z0-9_-]{43}$/;

/** A new opaque session secret. It leaves this service once, in the login answer; only its hash is stored. */
export function newSessionToken(): string {
  return SESSION_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** What Session.tokenHash holds: SHA-256, hex. A leaked table gives nobody a usable token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeSessionToken(token: string): boolean {
  return SESSION_TOKEN_PATTERN.test(token);
}
