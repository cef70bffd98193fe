import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { AppError } from '@haven/kit/src/errors';
import { roleFitsOrganisationKind } from '@haven/kit/src/taxonomy';
import type { SessionSettings } from '../config';
import type { IdentityDb } from '../db';
import { signInEvent } from './audit-event';
import { clearPasswordFailures, lockSecondsLeft, reservePasswordAttempt, throttleKey, tooManyAttempts } from './login-throttle';
import { burnPasswordCheck, verifyPassword } from './password';
import { hashSessionToken, newSessionToken } from './session-token';

export interface LoginResult {
  /** The secret, shown once; the database keeps only its hash. */
  sessionToken: string;
  sessionId: string;
  userId: string;
  /** Chosen automatically when the user belongs to exactly one (active) organisation; else null. */
  activeOrganisationId: string | null;
}

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'Email address or password is incorrect');

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password and opens a session. Unknown email, wrong password and deactivated account all
 * give the same error after the same hashing work, so the answer does not reveal which accounts exist.
 * Every attempt is counted per email (login-throttle.ts) before any password is looked at, for an email
 * with an account and one without alike, and forgiven on success; a locked email gets TOO_MANY_ATTEMPTS
 * after the same lookup and hashing work as any other answer, so neither the answer nor its timing
 * tells a locked account from a locked unknown address.
 *
 * Audit: a success writes 'session.login' in the session's transaction; every failure the throttle let through
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
          memberships: {
            where: { organisation: { active: true } },
            select: { organisationId: true, role: true, organisation: { select: { kind: true } } },
          },
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

  const organisationIds = [
    ...new Set(user.memberships.filter((m) => roleFitsOrganisationKind(m.role, m.organisation.kind)).map((m) => m.organisationId)),
  ];
  const activeOrganisationId = organisationIds.length === 1 ? organisationIds[0]! : null;
  const sessionToken = newSessionToken();
  // The roles the session's identity will carry in that organisation (only those fitting its kind, as resolve-session signs).
  const fitting = user.memberships.filter((m) => m.organisationId === activeOrganisationId && roleFitsOrganisationKind(m.role, m.organisation.kind));
  const role = [...new Set(fitting.map((m) => m.role))].sort().join(',') || null;
  const session = await db.$transaction(async (tx) => {
    await clearPasswordFailures(tx, emailHash);
    const created = await tx.session.create({
      data: {
        tokenHash: hashSessionToken(sessionToken),
        userId: user.id,
        activeOrganisationId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + settings.maxLifetimeMs),
      },
      select: { id: true },
    });
    // Last statement: the audit chain's lock is held until commit.
    await writeAuditEvents(tx, [signInEvent(requestId, 'session.login', { userId: user.id, organisationId: activeOrganisationId, role })]);
    return created;
  });
  return { sessionToken, sessionId: session.id, userId: user.id, activeOrganisationId };
}
