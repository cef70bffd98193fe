import { AppError, badInput } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { IdentityDb } from '../db';

/**
 * Whether `userId` is an active coordinator of `organisationId` (active user, active organisation,
 * COORDINATOR membership there): what the cases service asks before handing a case over. A caller may
 * only ask about their own active organisation, so the route cannot be used to map other organisations'
 * staff; the answer is a yes/no, never who the user is.
 */
export async function checkCoordinator(
  db: IdentityDb,
  caller: Identity | null,
  body: { userId?: unknown; organisationId?: unknown },
): Promise<{ isCoordinator: boolean }> {
  const { userId, organisationId } = body;
  if (typeof userId !== 'string' || !isUuid(userId)) throw badInput('userId', 'userId must be a uuid');
  if (typeof organisationId !== 'string' || !isUuid(organisationId)) throw badInput('organisationId', 'organisationId must be a uuid');
  if (!caller?.organisationId || caller.organisationId !== organisationId || !caller.roles.includes('COORDINATOR')) {
    throw new AppError('FORBIDDEN', 'Only a coordinator of that organisation may ask');
  }
  const membership = await db.membership.findFirst({
    where: { userId, organisationId, role: 'COORDINATOR', user: { active: true }, organisation: { active: true } },
    select: { id: true },
  });
  return { isCoordinator: membership !== null };
}
