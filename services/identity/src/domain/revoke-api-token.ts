import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { AppError } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { IdentityDb } from '../db';
import type { ApiToken } from '../generated/prisma/client';
import { identityEvent } from './audit-event';
import { assertApiTokenAdmin } from './api-token-admin';

/**
 * Revokes one of the caller's own organisation's tokens. Another organisation's token answers NOT_FOUND,
 * like one that does not exist (ids are not confirmed across organisations). Revoking again changes
 * nothing and answers the token as it is. The gateway resolves every token on every request, so the
 * revocation bites on the next one. Only the revocation that changed the token is audited ('api-token.revoke', subjectId = the token id), in its transaction.
 */
export async function revokeApiToken(
  db: IdentityDb,
  caller: Identity | null,
  id: string,
  now = new Date(),
  requestId: string | null = null,
): Promise<ApiToken> {
  const { userId, organisationId } = await assertApiTokenAdmin(db, caller);
  if (!isUuid(id)) throw new AppError('NOT_FOUND', 'No such token');
  await db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({
      where: { id, organisationId, revokedAt: null },
      data: { revokedAt: now, revokedByUserId: userId },
    });
    if (revoked.count === 1) await writeAuditEvents(tx, [identityEvent(caller, requestId, 'api-token.revoke', id)]);
  });
  const token = await db.apiToken.findFirst({ where: { id, organisationId } });
  if (!token) throw new AppError('NOT_FOUND', 'No such token');
  return token;
}
