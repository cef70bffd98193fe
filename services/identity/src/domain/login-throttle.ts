import { Prisma } from '../generated/prisma/client';
import { IDENTITY_SCHEMA, type IdentityDb } from '../db';

/** After this many failures in a row the account is locked; each further failure doubles the lock. */
export const LOCK_AFTER_FAILURES = 5;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

/** How long to lock after the `failures`-th failure in a row, or null while below the threshold. */
export function lockDurationMs(failures: number): number | null {
  if (failures < LOCK_AFTER_FAILURES) return null;
  const doublings = Math.min(failures - LOCK_AFTER_FAILURES, 10);
  return Math.min(FIRST_LOCK_MS * 2 ** doublings, MAX_LOCK_MS);
}

export function isLocked(user: { lockedUntil: Date | null }, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
}

const USER_TABLE = Prisma.raw(`"${IDENTITY_SCHEMA}"."User"`);

/**
 * Counts a password attempt *before* the password is checked, in one conditional UPDATE that also sets
 * the lock (lockDurationMs, in SQL) when this attempt reaches the threshold. Returns false, counting
 * nothing, when the account is locked. Because counting and locking are one statement on one row,
 * concurrent attempts all count (PostgreSQL serialises them on the row lock and re-checks the WHERE), and
 * a burst of parallel guesses gets at most the attempts left before the lock — not one check each.
 * A successful check then clears the count (clearedFailures), so only failures remain counted.
 */
export async function reservePasswordAttempt(db: Pick<IdentityDb, '$queryRaw'>, userId: string, now: Date): Promise<boolean> {
  const rows = await db.$queryRaw<{ failedLoginCount: number }[]>`
    UPDATE ${USER_TABLE}
       SET "failedLoginCount" = "failedLoginCount" + 1,
           "lockedUntil" = CASE
             WHEN "failedLoginCount" + 1 >= ${LOCK_AFTER_FAILURES}
             THEN ${now}::timestamptz + LEAST(
                    ${FIRST_LOCK_MS}::float8 * power(2, LEAST("failedLoginCount" + 1 - ${LOCK_AFTER_FAILURES}, 10)),
                    ${MAX_LOCK_MS}::float8
                  ) * interval '1 millisecond'
             ELSE "lockedUntil"
           END,
           "updatedAt" = ${now}::timestamptz
     WHERE "id" = ${userId}::uuid
       AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}::timestamptz)
 RETURNING "failedLoginCount"`;
  return rows.length === 1;
}

/** What a successful password check writes: the attempt it reserved, and any earlier failures, are forgiven. */
export const clearedFailures = { failedLoginCount: 0, lockedUntil: null } as const;
