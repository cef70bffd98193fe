import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { AppError } from '@haven/kit/src/errors';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { IdentityDb } from '../db';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import { endUserAccess } from './end-user-access';

/**
 * Deactivates an account and, in the same transaction, ends all its sessions and revokes every API token it
 * created (end-user-access.ts), so no request after this one acts as that user or with their tokens. Network admins cannot deactivate themselves (the network would risk losing
 * its last administrator by a slip). The audit event commits with the change (last statement: it takes the chain lock).
 */
export async function deactivateUser(
  db: IdentityDb,
  actor: Identity,
  userId: string,
  now = new Date(),
  requestId: string | null = null,
): Promise<void> {
  if (userId === actor.subject) throw new AppError('CONFLICT', 'You cannot deactivate your own account');
  if (!isUuid(userId)) throw new AppError('NOT_FOUND', 'No such user');
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { active: false } });
    if (updated.count !== 1) throw new AppError('NOT_FOUND', 'No such user');
    await endUserAccess(tx, { userId }, actor.subject, now);
    await writeAuditEvents(tx, [
      {
        action: 'user.deactivate',
        part: 'identity',
        requestId,
        actorKind: actor.kind,
        actorUserId: actor.subject,
        actorOrganisationId: actor.organisationId,
        actorRole: actor.roles.includes('NETWORK_ADMIN') ? 'NETWORK_ADMIN' : null,
        subjectId: userId,
      },
    ]);
  });
}
