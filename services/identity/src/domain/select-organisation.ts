import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { AppError } from '@haven/kit/src/errors';
import { roleFitsOrganisationKind, type Role } from '@haven/kit/src/taxonomy';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { SessionSettings } from '../config';
import type { IdentityDb } from '../db';
import { identityEvent } from './audit-event';
import { requireLiveSession, sessionEnded } from './require-live-session';
import { isUuid } from '@haven/kit/src/graphql/uuid';

const notAMember = () => new AppError('FORBIDDEN', 'You can only choose an organisation you belong to');

/**
 * Sets the organisation the session acts for. Only an active organisation the user holds a membership
 * in; an unknown id gets the same answer as a foreign one. Audited ('session.select-organisation', subjectId = the
 * chosen organisation; the actor as the session was before the choice).
 */
export async function selectOrganisation(
  db: IdentityDb,
  settings: SessionSettings,
  caller: Identity,
  organisationId: string,
  now = new Date(),
  requestId: string | null = null,
): Promise<{ organisationId: string; roles: Role[] }> {
  await requireLiveSession(db, settings, caller, now);
  if (!isUuid(organisationId)) throw notAMember();
  const memberships = await db.membership.findMany({
    where: { userId: caller.subject, organisationId, organisation: { active: true } },
    select: { role: true, organisation: { select: { kind: true } } },
  });
  // Only roles that fit the organisation's kind make a member (the same rule resolve-session signs by).
  const roles = [...new Set(memberships.filter((m) => roleFitsOrganisationKind(m.role, m.organisation.kind)).map((m) => m.role as Role))];
  if (roles.length === 0) throw notAMember();
  await db.$transaction(async (tx) => {
    const updated = await tx.session.updateMany({
      where: { id: caller.sessionId, userId: caller.subject, revokedAt: null, expiresAt: { gt: now } },
      data: { activeOrganisationId: organisationId },
    });
    if (updated.count !== 1) throw sessionEnded();
    await writeAuditEvents(tx, [identityEvent(caller, requestId, 'session.select-organisation', organisationId)]);
  });
  return { organisationId, roles };
}
