import { writeAuditEvents } from '@haven/kit/src/audit/write';
import type { AccountTokenPurpose } from '../generated/prisma/client';
import type { IdentityDb } from '../db';
import { identityEvent } from './audit-event';
import { hashAccountToken, linkNotValid, spendAccountToken } from './account-token';
import { isCommonPassword } from './common-passwords';
import { clearPasswordFailures, throttleKey } from './login-throttle';
import { hashPassword } from './password';
import { assertPasswordAllowed } from './password-policy';

const AUDIT_ACTION: { readonly [P in AccountTokenPurpose]: string } = {
  INVITATION: 'user.invitation-accept',
  PASSWORD_RESET: 'user.password-reset',
};

/**
 * acceptInvitation and resetPassword: the e-mailed link (account-token.ts) sets the account's password, once.
 * In one transaction: the link is spent (a second use, an expired or unknown link: NOT_FOUND, the same answer),
 * the password set, the account's other open links of any kind spent too (an older reset mail must not undo this
 * one), every session of the account ended (whoever knew the old password is out), the address's failed-login
 * count forgiven, and the event audited (subjectId = the user; the actor is the account itself, not yet signed in).
 * A deactivated account's link opens nothing. The new password follows password-policy.ts (field `password`).
 */
export async function setPasswordByLink(
  db: IdentityDb,
  purpose: AccountTokenPurpose,
  input: { token: string; password: string },
  requestId: string | null = null,
  now = new Date(),
): Promise<void> {
  // Checked against the address before anything is spent, so a refused password leaves the link usable.
  const holder = await db.accountToken.findFirst({
    where: { tokenHash: hashAccountToken(input.token), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { user: { select: { email: true, active: true } } },
  });
  if (!holder || !holder.user.active) throw linkNotValid();
  assertPasswordAllowed(input.password, { email: holder.user.email, isCommon: isCommonPassword }, 'password');
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const spent = await spendAccountToken(tx, input.token, purpose, now);
    const user = await tx.user.findUnique({ where: { id: spent.userId }, select: { id: true, email: true, active: true } });
    if (!user || !user.active) throw linkNotValid();
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
    await tx.accountToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await clearPasswordFailures(tx, throttleKey(user.email));
    // The person acted (holding the link), not yet signed in: actor = the account, no organisation or role.
    await writeAuditEvents(tx, [{ ...identityEvent(null, requestId, AUDIT_ACTION[purpose], user.id), actorKind: 'user', actorUserId: user.id }]);
  });
}
