import { writeAuditEvents } from '@haven/kit/src/audit/write';
import type { IdentityDb } from '../db';
import { enqueuePasswordResetMail, type AccountMailSettings } from './account-mail';
import { issueAccountToken } from './account-token';
import { identityEvent } from './audit-event';
import { MAX_EMAIL_LENGTH } from './create-user';
import { normaliseEmail } from './login';

/** Open reset links per account at one time: a flood of requests for one address sends no flood of mail. */
export const MAX_OPEN_RESET_LINKS = 3;

/**
 * "Forgot my password": for an active account with this address, a one-hour single-use link (account-token.ts)
 * and the mail carrying it, in one transaction, audited as 'user.password-reset-request' (subjectId = the account;
 * the address is never recorded). For an unknown or deactivated address nothing happens, and the caller hears
 * the same either way — the answer never says whether an account exists. The gateway rate-limits this operation
 * per client address with the sign-in bucket; beyond that, an account with MAX_OPEN_RESET_LINKS unexpired links gets no
 * further mail until one expires or is used.
 */
export async function requestPasswordReset(
  db: IdentityDb,
  input: { email: string },
  mail: AccountMailSettings,
  requestId: string | null = null,
  now = new Date(),
): Promise<void> {
  const email = normaliseEmail(input.email);
  if (email.length === 0 || email.length > MAX_EMAIL_LENGTH) return;
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, active: true } });
    if (!user || !user.active) return;
    // Locks the account row, so parallel requests count the open links one after the other.
    await tx.$queryRaw`SELECT 1 FROM "identity"."User" WHERE "id" = ${user.id}::uuid FOR UPDATE`;
    const open = await tx.accountToken.count({ where: { userId: user.id, purpose: 'PASSWORD_RESET', usedAt: null, expiresAt: { gt: now } } });
    if (open >= MAX_OPEN_RESET_LINKS) return;
    const { token } = await issueAccountToken(tx, user.id, 'PASSWORD_RESET', now);
    await enqueuePasswordResetMail(tx, mail, email, token);
    await writeAuditEvents(tx, [identityEvent(null, requestId, 'user.password-reset-request', user.id)]);
  });
}
