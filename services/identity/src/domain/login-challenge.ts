import { createHash, randomBytes } from 'node:crypto';
import type { IdentityDb } from '../db';

const CHALLENGE_PREFIX = 'hvc_';
/** hvc_ + base64url of 32 bytes. */
const CHALLENGE_PATTERN = /^hvc_[A-Za-z0-9_-]{43}$/;
/** Long enough to open an authenticator app or find the recovery codes; short enough to be useless when found later. */
export const CHALLENGE_LIFETIME_MS = 5 * 60_000;

export function hashChallenge(challenge: string): string {
  return createHash('sha256').update(challenge, 'utf8').digest('hex');
}

export function looksLikeChallenge(challenge: string): boolean {
  return CHALLENGE_PATTERN.test(challenge);
}

/** A new second-factor challenge for `userId`: the secret goes to the client once, the database keeps its hash. */
export async function createLoginChallenge(db: Pick<IdentityDb, 'loginChallenge'>, userId: string, now: Date): Promise<string> {
  const challenge = CHALLENGE_PREFIX + randomBytes(32).toString('base64url');
  await db.loginChallenge.create({
    data: { tokenHash: hashChallenge(challenge), userId, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS) },
  });
  return challenge;
}
