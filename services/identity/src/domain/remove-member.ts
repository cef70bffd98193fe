import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { AppError } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Role } from '@haven/kit/src/taxonomy';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { IdentityDb } from '../db';
import { identityEvent } from './audit-event';
import { endUserAccess } from './end-user-access';
import { assertKeepsAnAdmin, lockManagedOrganisation } from './organisation-admin';

/**
 * Takes a person out of one organisation: all their membership rows there are deleted, their sessions
 * working in that organisation end at once (the next request resolves to nobody and they sign in again), and the
 * API tokens they created for it are revoked (end-user-access.ts).
 * Nothing else is touched: the account, their other memberships and their sessions for other organisations
 * stay. Nobody removes themself (OWN_MEMBERSHIP: a slip would lock them out mid-work), and the organisation
 * keeps an active admin (LAST_ADMIN), checked under the organisation's row lock so two admins removing each
 * other at once cannot both succeed. Audited ('membership.remove', subjectId = the member).
 */
export async function removeMember(
  db: IdentityDb,
  caller: Identity | null,
  input: { userId: string; organisationId: string },
  now = new Date(),
  requestId: string | null = null,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const organisation = await lockManagedOrganisation(tx, caller, input.organisationId);
    if (input.userId === caller!.subject) {
      throw new AppError('CONFLICT', 'You cannot remove yourself from an organisation', { reason: 'OWN_MEMBERSHIP' });
    }
    const current = isUuid(input.userId)
      ? await tx.membership.findMany({ where: { userId: input.userId, organisationId: organisation.id }, select: { role: true } })
      : [];
    if (current.length === 0) throw new AppError('NOT_FOUND', 'No such member');
    await assertKeepsAnAdmin(tx, caller!, organisation, input.userId, current.map((m) => m.role as Role), []);

    await tx.membership.deleteMany({ where: { userId: input.userId, organisationId: organisation.id } });
    await endUserAccess(tx, { userId: input.userId, organisationId: organisation.id }, caller!.subject, now);
    await writeAuditEvents(tx, [identityEvent(caller, requestId, 'membership.remove', input.userId)]);
  });
}
