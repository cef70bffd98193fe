import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { AppError } from '@haven/kit/src/errors';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { SessionSettings } from '../config';
import type { IdentityDb } from '../db';
import { identityEvent } from './audit-event';
import { clearPasswordFailures, lockSecondsLeft, reservePasswordAttempt, throttleKey, tooManyAttempts } from './login-throttle';
import { isCommonPassword } from './common-passwords';
import { hashPassword, verifyPassword } from './password';
import { assertPasswordAllowed } from './password-policy';
import { requireLiveSession, sessionEnded } from './require-live-session';

/**
 * Replaces the caller's password after checking the current one (wrong guesses count towards the
 * same per-email lock as logins, login-throttle.ts), and revokes every other session of the user in the
 * same transaction: whoever knew the old password is out at once. The caller's own session stays. The change
 * is audited ('user.password-change', subjectId = the user) in that transaction; a wrong current password is
 * not (it counts towards the lock instead).
 */
export async function changePassword(
  db: IdentityDb,
  settings: SessionSettings,
  caller: Identity,
  input: { currentPassword: string; newPassword: string },
  now = new Date(),
  requestId: string | null = null,
): Promise<void> {
  await requireLiveSession(db, settings, caller, now);
  const user = await db.user.findUnique({
    where: { id: caller.subject },
    select: { id: true, active: true, email: true, passwordHash: true },
  });
  if (!user || !user.active) throw sessionEnded();
  // Before the throttle: a refused new password is the user's typo, not a guess at the current one.
  assertPasswordAllowed(input.newPassword, { email: user.email, isCommon: isCommonPassword }, 'newPassword');
  if (input.newPassword.normalize('NFKC') === input.currentPassword.normalize('NFKC')) {
    throw new AppError('BAD_USER_INPUT', 'The new password must differ from the current one', { field: 'newPassword', reason: 'UNCHANGED' });
  }
  const emailHash = throttleKey(user.email);
  if (!(await reservePasswordAttempt(db, emailHash, now))) {
    throw tooManyAttempts(await lockSecondsLeft(db, emailHash, now));
  }
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is incorrect');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: now },
    });
    await clearPasswordFailures(tx, emailHash);
    await tx.session.updateMany({
      where: { userId: user.id, id: { not: caller.sessionId }, revokedAt: null },
      data: { revokedAt: now },
    });
    await writeAuditEvents(tx, [identityEvent(caller, requestId, 'user.password-change', user.id)]);
  });
}
