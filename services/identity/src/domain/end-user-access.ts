import type { Prisma } from '../generated/prisma/client';

type Tx = Pick<Prisma.TransactionClient, 'session' | 'apiToken'>;

/**
 * What leaving does, in the caller's transaction: the person's sessions end and the API tokens they created
 * are revoked (revokedByUserId = whoever took the access away), so neither opens anything on the next request.
 * With `organisationId` only what belongs to that organisation (a membership removed); without it everything
 * (the account deactivated). Identity refuses such tokens from this commit on, and the gateway asks identity on
 * every request, so the next one is refused.
 */
export async function endUserAccess(
  tx: Tx,
  target: { userId: string; organisationId?: string },
  actorUserId: string | null,
  now: Date,
): Promise<void> {
  const inOrganisation = target.organisationId === undefined ? {} : { organisationId: target.organisationId };
  await tx.session.updateMany({
    where: { userId: target.userId, revokedAt: null, ...(target.organisationId === undefined ? {} : { activeOrganisationId: target.organisationId }) },
    data: { revokedAt: now },
  });
  await tx.apiToken.updateMany({
    where: { createdByUserId: target.userId, revokedAt: null, ...inOrganisation },
    data: { revokedAt: now, revokedByUserId: actorUserId },
  });
}
