import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { AppError } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import { ROLES, type Role } from '@haven/kit/src/taxonomy';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { IdentityDb } from '../db';
import { identityEvent } from './audit-event';
import { assertKeepsAnAdmin, checkRolesFit, lockManagedOrganisation } from './organisation-admin';

/**
 * Replaces a member's roles in one organisation (one Membership row per role): rows for roles no longer held
 * are deleted, new ones inserted. Only for someone who is a member already — NOT_FOUND otherwise, so an admin
 * cannot pull any account of the network into their organisation by its id. At least one role (removeMember
 * ends a membership), each fitting the organisation's kind (BAD_USER_INPUT). The organisation keeps an active
 * admin (assertKeepsAnAdmin, under the organisation's row lock). Roles are read from the rows on every
 * request (resolve-session), so the change holds from the member's next request on; sessions stay.
 * Audited ('membership.set-roles', subjectId = the member) when anything changed.
 */
export async function setMemberRoles(
  db: IdentityDb,
  caller: Identity | null,
  input: { userId: string; organisationId: string; roles: readonly Role[] },
  requestId: string | null = null,
): Promise<{ organisationId: string; userId: string; roles: Role[] }> {
  return db.$transaction(async (tx) => {
    const organisation = await lockManagedOrganisation(tx, caller, input.organisationId);
    const roles = checkRolesFit(input.roles, organisation.kind);
    const current = isUuid(input.userId)
      ? await tx.membership.findMany({ where: { userId: input.userId, organisationId: organisation.id }, select: { role: true } })
      : [];
    if (current.length === 0) throw new AppError('NOT_FOUND', 'No such member');
    const before = current.map((m) => m.role as Role);
    await assertKeepsAnAdmin(tx, caller!, organisation, input.userId, before, roles);

    const removed = before.filter((role) => !roles.includes(role));
    const added = roles.filter((role) => !before.includes(role));
    if (removed.length > 0) {
      await tx.membership.deleteMany({ where: { userId: input.userId, organisationId: organisation.id, role: { in: removed } } });
    }
    if (added.length > 0) {
      await tx.membership.createMany({ data: added.map((role) => ({ userId: input.userId, organisationId: organisation.id, role })) });
    }
    if (removed.length > 0 || added.length > 0) {
      await writeAuditEvents(tx, [identityEvent(caller, requestId, 'membership.set-roles', input.userId)]);
    }
    return { organisationId: organisation.id, userId: input.userId, roles: ordered(roles) };
  });
}

/** Roles in the taxonomy's order, so answers do not depend on the order an admin ticked them in. */
export function ordered(roles: readonly Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}
