import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { AppError } from '@haven/kit/src/errors';
import type { SessionSettings } from '../config';
import type { IdentityDb } from '../db';
import { signInEvent } from './audit-event';
import { createLoginChallenge } from './login-challenge';
import { clearPasswordFailures, lockSecondsLeft, reservePasswordAttempt, throttleKey, tooManyAttempts } from './login-throttle';
import { openSession, SIGN_IN_MEMBERSHIPS, type OpenedSession } from './open-session';
import { burnPasswordCheck, verifyPassword } from './password';

/** A session (password alone was enough), or a challenge to complete with a TOTP or recovery code. */
export type LoginResult = OpenedSession | SecondFactorOwed;

export interface SecondFactorOwed {
  /** Short-lived, single-use; completeLogin exchanges it and a code for a session. Shown once. */
  secondFactorChallenge: string;
  userId: string;
}

export function isSecondFactorOwed(result: LoginResult): result is SecondFactorOwed {
  return 'secondFactorChallenge' in result;
}

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'Email address or password is incorrect');

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password and opens a session — or, for an account with two-factor sign-in, hands out a
 * second-factor challenge instead (login-challenge.ts; completeLogin opens the session). Unknown email, wrong password and deactivated account all
 * give the same error after the same hashing work, so the answer does not reveal which accounts exist.
 * Every attempt is counted per email (login-throttle.ts) before any password is looked at, for an email
 * with an account and one without alike, and forgiven on success; a locked email gets TOO_MANY_ATTEMPTS
 * after the same lookup and hashing work as any other answer, so neither the answer nor its timing
 * tells a locked account from a locked unknown address.
 *
 * Audit: a session opened writes 'session.login' in the session's transaction (open-session.ts); a challenge
 * writes nothing until completeLogin; every failure the throttle let through
 * writes 'session.login-failed' (subjectId = the account, null for an unknown address; never the address). An
 * attempt refused by the lock is not audited one by one: so the log grows no faster than the throttle admits
 * attempts (at most LOCK_AFTER_FAILURES per address, then one per lock period), and the locked path does the
 * same work for every address.
 */
export async function login(
  db: IdentityDb,
  settings: SessionSettings,
  input: { email: string; password: string },
  now = new Date(),
  requestId: string | null = null,
): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const emailHash = throttleKey(email);
  const reserved = await reservePasswordAttempt(db, emailHash, now);
  const user = email.length > 0 && email.length <= 320
    ? await db.user.findUnique({
        where: { email },
        select: {
          id: true,
          active: true,
          passwordHash: true,
          totpEnabledAt: true,
          memberships: SIGN_IN_MEMBERSHIPS,
        },
      })
    : null;
  if (!reserved) {
    const [retryAfterSeconds] = await Promise.all([lockSecondsLeft(db, emailHash, now), burnPasswordCheck(input.password)]);
    throw tooManyAttempts(retryAfterSeconds);
  }
  const failed = async () => {
    const account = user ? { userId: user.id, organisationId: null, role: null } : null;
    await writeAuditEvents(db, [signInEvent(requestId, 'session.login-failed', account)]);
    return invalidCredentials();
  };
  if (!user) {
    await burnPasswordCheck(input.password);
    throw await failed();
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) throw await failed();
  // A deactivated account learns nothing here either; its counted attempt stays counted.
  if (!user.active) throw await failed();

  if (user.totpEnabledAt) {
    // The password was right: its failures are forgiven, but the session waits for the second factor.
    await clearPasswordFailures(db, emailHash);
    return { secondFactorChallenge: await createLoginChallenge(db, user.id, now), userId: user.id };
  }
  return openSession(db, settings, user, now, null, requestId, async (tx) => {
    await clearPasswordFailures(tx, emailHash);
  });
}
