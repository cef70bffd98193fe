import { createHash } from 'node:crypto';
import { AppError } from '@haven/kit/src/errors';
import { Prisma } from '../generated/prisma/client';
import { IDENTITY_SCHEMA, type IdentityDb } from '../db';

/** After this many failures in a row the email is locked; each further failure doubles the lock. */
export const LOCK_AFTER_FAILURES = 5;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

/** How long to lock after the `failures`-th failure in a row, or null while below the threshold. */
export function lockDurationMs(failures: number): number | null {
  if (failures < LOCK_AFTER_FAILURES) return null;
  const doublings = Math.min(failures - LOCK_AFTER_FAILURES, 10);
  return Math.min(FIRST_LOCK_MS * 2 ** doublings, MAX_LOCK_MS);
}

export function isLocked(throttle: { lockedUntil: Date | null }, now: Date): boolean {
  return throttle.lockedUntil !== null && throttle.lockedUntil.getTime() > now.getTime();
}

/**
 * The throttle's key: SHA-256 (hex) of the normalised email. Keyed by email, not by account, so an address
 * without an account is counted and locked exactly like one with: the lock tells nothing about who exists.
 */
export function throttleKey(normalisedEmail: string): string {
  return createHash('sha256').update(normalisedEmail, 'utf8').digest('hex');
}

const THROTTLE_TABLE = Prisma.raw(`"${IDENTITY_SCHEMA}"."LoginThrottle"`);

/**
 * Counts a password attempt for `emailHash` *before* any password is checked, in one upsert that also sets
 * the lock (lockDurationMs, in SQL) when this attempt reaches the threshold. Returns false, counting
 * nothing, while the email is locked. One statement on one row: concurrent attempts all count (the insert
 * races resolve through ON CONFLICT; updates serialise on the row lock and re-check the WHERE on the newest
 * version), so a burst of parallel guesses gets at most the attempts left before the lock.
 * A successful check then deletes the row (clearPasswordFailures), so only failures in a row stay counted.
 */
export async function reservePasswordAttempt(db: Pick<IdentityDb, '$queryRaw'>, emailHash: string, now: Date): Promise<boolean> {
  const firstLock = lockDurationMs(1);
  const firstLockedUntil = firstLock === null ? null : new Date(now.getTime() + firstLock);
  const rows = await db.$queryRaw<{ failedCount: number }[]>`
    INSERT INTO ${THROTTLE_TABLE} AS t ("emailHash", "failedCount", "lockedUntil", "updatedAt")
    VALUES (${emailHash}, 1, ${firstLockedUntil}::timestamptz, ${now}::timestamptz)
    ON CONFLICT ("emailHash") DO UPDATE
       SET "failedCount" = t."failedCount" + 1,
           "lockedUntil" = CASE
             WHEN t."failedCount" + 1 >= ${LOCK_AFTER_FAILURES}
             THEN ${now}::timestamptz + LEAST(
                    ${FIRST_LOCK_MS}::float8 * power(2, LEAST(t."failedCount" + 1 - ${LOCK_AFTER_FAILURES}, 10)),
                    ${MAX_LOCK_MS}::float8
                  ) * interval '1 millisecond'
             ELSE t."lockedUntil"
           END,
           "updatedAt" = ${now}::timestamptz
     WHERE t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now}::timestamptz
 RETURNING t."failedCount"`;
  return rows.length === 1;
}

/**
 * Whole seconds (at least 1) until the lock on `emailHash` ends: what a refused attempt tells the client to wait
 * (the gateway turns it into HTTP 429 Retry-After). The lock's end says nothing about whether an account exists:
 * an address without one is locked exactly alike.
 */
export async function lockSecondsLeft(db: Pick<IdentityDb, 'loginThrottle'>, emailHash: string, now: Date): Promise<number> {
  const throttle = await db.loginThrottle.findUnique({ where: { emailHash }, select: { lockedUntil: true } });
  const msLeft = (throttle?.lockedUntil?.getTime() ?? now.getTime()) - now.getTime();
  return Math.max(1, Math.ceil(msLeft / 1000));
}

/** A locked email's refusal; `retryAfterSeconds` (lockSecondsLeft) becomes the gateway's HTTP 429 Retry-After. */
export function tooManyAttempts(retryAfterSeconds: number): AppError {
  return new AppError('TOO_MANY_ATTEMPTS', 'Too many failed attempts; try again later', { retryAfterSeconds });
}

/** What a successful password check does: the attempt it reserved, and any earlier failures, are forgiven. */
export function clearPasswordFailures(db: Pick<IdentityDb, 'loginThrottle'>, emailHash: string) {
  return db.loginThrottle.deleteMany({ where: { emailHash } });
}
