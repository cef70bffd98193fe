import { writeAuditEvents, type AuditEventInput } from '@haven/kit/src/audit/write';
import { AppError } from '@haven/kit/src/errors';
import type { SessionSettings } from '../config';
import type { IdentityDb } from '../db';
import { signInEvent } from './audit-event';
import { hashChallenge, looksLikeChallenge } from './login-challenge';
import { openSession, SIGN_IN_MEMBERSHIPS, type OpenedSession } from './open-session';
import {
  clearSecondFactorFailures,
  reserveSecondFactorAttempt,
  spendSecondFactor,
  TWO_FACTOR_FIELDS,
  wrongCode,
} from './second-factor';
import type { TotpSecretBox } from './totp-secret-box';

/** The challenge is unknown, spent, expired, or its account was deactivated meanwhile: sign in from the start. */
export const challengeEnded = () =>
  new AppError('UNAUTHENTICATED', 'This sign-in has expired; start again with your password', { reason: 'CHALLENGE_ENDED' });

/** A recovery code stands in for the authenticator: worth its own line in the audit trail (the account owner may not know). */
export function recoveryCodeEvent(userId: string, requestId: string | null): AuditEventInput {
  return {
    action: 'user.recovery-code-use',
    part: 'identity',
    requestId,
    actorKind: 'user',
    actorUserId: userId,
    actorOrganisationId: null,
    actorRole: null,
    subjectId: userId,
  };
}

/**
 * The second step of a sign-in: a challenge from `login` and a TOTP or recovery code open the session. In one
 * transaction the challenge is spent (single-use), the code is spent (a TOTP step is never accepted twice, a
 * recovery code once), code failures are forgiven and the session is created. A wrong code rolls all of that
 * back, so the same challenge may be tried again until it expires, within the per-account code throttle
 * (second-factor.ts); it is audited as 'session.login-failed' for the account.
 */
export async function completeLogin(
  db: IdentityDb,
  box: TotpSecretBox,
  settings: SessionSettings,
  input: { challenge: string; code: string },
  now = new Date(),
  requestId: string | null = null,
): Promise<OpenedSession> {
  if (!looksLikeChallenge(input.challenge)) throw challengeEnded();
  const challenge = await db.loginChallenge.findUnique({
    where: { tokenHash: hashChallenge(input.challenge) },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { ...TWO_FACTOR_FIELDS, active: true, memberships: SIGN_IN_MEMBERSHIPS } },
    },
  });
  if (!challenge || challenge.usedAt || challenge.expiresAt.getTime() <= now.getTime() || !challenge.user.active) {
    throw challengeEnded();
  }
  const user = challenge.user;
  await reserveSecondFactorAttempt(db, user.id, now);
  try {
    return await openSession(db, settings, user, now, now, requestId, async (tx) => {
      const taken = await tx.loginChallenge.updateMany({ where: { id: challenge.id, usedAt: null }, data: { usedAt: now } });
      if (taken.count !== 1) throw challengeEnded();
      const used = await spendSecondFactor(tx, box, user, input.code, now);
      if (!used) throw wrongCode();
      await clearSecondFactorFailures(tx, user.id);
      return used === 'recovery-code' ? [recoveryCodeEvent(user.id, requestId)] : [];
    });
  } catch (error) {
    if (error instanceof AppError && error.extensions.code === 'INVALID_CREDENTIALS') {
      await writeAuditEvents(db, [signInEvent(requestId, 'session.login-failed', { userId: user.id, organisationId: null, role: null })]);
    }
    throw error;
  }
}
