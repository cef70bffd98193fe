import { AppError } from '@haven/kit/src/errors';
import type { SessionSettings } from '../config';
import type { IdentityDb } from '../db';
import { clearedFailures, isLocked, reservePasswordAttempt } from './login-throttle';
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
const tooManyAttempts = () => new AppError('TOO_MANY_ATTEMPTS', 'Too many failed attempts; try again later');

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password and opens a session. Unknown email, wrong password and deactivated account all
 * give the same error after the same hashing work, so the answer does not reveal which accounts exist.
 * A locked account is refused before its password is looked at; every attempt is counted before the
 * check (login-throttle.ts) and forgiven on success.
 */
export async function login(
  db: IdentityDb,
  settings: SessionSettings,
  input: { email: string; password: string },
  now = new Date(),
): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const user = email.length > 0 && email.length <= 320
    ? await db.user.findUnique({
        where: { email },
        select: {
          id: true,
          active: true,
          passwordHash: true,
          lockedUntil: true,
          memberships: { where: { organisation: { active: true } }, select: { organisationId: true } },
        },
      })
    : null;
  if (!user) {
    await burnPasswordCheck(input.password);
    throw invalidCredentials();
  }
  if (isLocked(user, now) || !(await reservePasswordAttempt(db, user.id, now))) throw tooManyAttempts();
  if (!(await verifyPassword(input.password, user.passwordHash))) throw invalidCredentials();
  // A deactivated account learns nothing here either; its counted attempt stays counted.
  if (!user.active) throw invalidCredentials();

  const organisationIds = [...new Set(user.memberships.map((m) => m.organisationId))];
  const activeOrganisationId = organisationIds.length === 1 ? organisationIds[0]! : null;
  const sessionToken = newSessionToken();
  const [, session] = await db.$transaction([
    db.user.update({ where: { id: user.id }, data: clearedFailures }),
    db.session.create({
      data: {
        tokenHash: hashSessionToken(sessionToken),
        userId: user.id,
        activeOrganisationId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + settings.maxLifetimeMs),
      },
      select: { id: true },
    }),
  ]);
  return { sessionToken, sessionId: session.id, userId: user.id, activeOrganisationId };
}
