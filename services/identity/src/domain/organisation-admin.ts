import { AppError } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import { roleFitsOrganisationKind, type OrganisationKind, type Role } from '@haven/kit/src/taxonomy';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { Prisma } from '../generated/prisma/client';

/** Raw SQL is not qualified by the adapter's schema option: name the table in full (db.ts). */
const ORGANISATION = Prisma.raw('"identity"."Organisation"');

/**
 * The role that administers an organisation of each kind: whoever holds it can manage the organisation's
 * accounts, so the organisation must keep at least one active holder (assertKeepsAnAdmin).
 */
export const ADMIN_ROLE_BY_KIND: { readonly [K in OrganisationKind]: Role } = {
  COORDINATING: 'NETWORK_ADMIN',
  PARTNER: 'PARTNER_ADMIN',
};

export interface ManagedOrganisation {
  id: string;
  kind: OrganisationKind;
  /** The role the caller manages it in: audited, and partner admins are held to their own organisation. */
  actingAs: 'NETWORK_ADMIN' | 'PARTNER_ADMIN';
}

/**
 * Who manages an organisation's accounts: a network admin any organisation's, a partner admin only the
 * partner organisation they are working in (their active organisation). The shield map already asks for one
 * of the two roles; this binds a partner admin to their own organisation, which depends on the argument.
 * Integrations never pass (a token carries no roles, and kind is checked besides).
 *
 * Locks the organisation row FOR UPDATE for the rest of the transaction: every change to an organisation's
 * set of memberships goes through here, so two admins changing the same organisation at once queue, and the
 * second sees the first's result when it counts the remaining admins.
 */
export async function lockManagedOrganisation(
  tx: Prisma.TransactionClient,
  caller: Identity | null,
  organisationId: string,
): Promise<ManagedOrganisation> {
  const actingAs = managingRole(caller, organisationId);
  if (!isUuid(organisationId)) throw new AppError('NOT_FOUND', 'No such organisation');
  const [row] = await tx.$queryRaw<{ kind: OrganisationKind }[]>`
    SELECT "kind"::text AS "kind" FROM ${ORGANISATION} WHERE "id" = ${organisationId}::uuid FOR UPDATE`;
  if (!row) throw new AppError('NOT_FOUND', 'No such organisation');
  // A partner admin's active organisation is a partner one (resolve-session drops misfit roles); checked again
  // so a partner admin can never reach the coordinating organisation's accounts.
  if (actingAs === 'PARTNER_ADMIN' && row.kind !== 'PARTNER') throw new AppError('FORBIDDEN', 'Not allowed');
  return { id: organisationId, kind: row.kind, actingAs };
}

/** The role the caller may manage this organisation's accounts in, or FORBIDDEN. Looks at the caller only. */
export function managingRole(caller: Identity | null, organisationId: string): 'NETWORK_ADMIN' | 'PARTNER_ADMIN' {
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (caller.kind !== 'user' || !caller.organisationId) throw new AppError('FORBIDDEN', 'Not allowed');
  if (caller.roles.includes('NETWORK_ADMIN')) return 'NETWORK_ADMIN';
  if (caller.roles.includes('PARTNER_ADMIN') && caller.organisationId === organisationId) return 'PARTNER_ADMIN';
  throw new AppError('FORBIDDEN', 'Not allowed');
}

/**
 * Refuses a change that would leave the organisation without an active administrator: the caller taking their
 * own admin role away (OWN_ADMIN_ROLE — a slip would lock them out mid-work), or the last active holder of the
 * organisation's admin role losing it (LAST_ADMIN — nobody could manage the accounts any more except a network
 * admin). Call it after lockManagedOrganisation, in the same transaction, so the count cannot go stale.
 * An organisation that has no active admin yet (just created) is not blocked from anything.
 */
export async function assertKeepsAnAdmin(
  tx: Prisma.TransactionClient,
  caller: Identity,
  organisation: ManagedOrganisation,
  userId: string,
  rolesBefore: readonly Role[],
  rolesAfter: readonly Role[],
): Promise<void> {
  const adminRole = ADMIN_ROLE_BY_KIND[organisation.kind];
  if (!rolesBefore.includes(adminRole) || rolesAfter.includes(adminRole)) return;
  if (userId === caller.subject) {
    throw new AppError('CONFLICT', 'You cannot take your own administrator role away', { reason: 'OWN_ADMIN_ROLE' });
  }
  const target = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
  if (!target?.active) return;
  const others = await tx.membership.count({
    where: { organisationId: organisation.id, role: adminRole, userId: { not: userId }, user: { active: true } },
  });
  if (others === 0) {
    throw new AppError('CONFLICT', 'The organisation would be left without an administrator', { reason: 'LAST_ADMIN' });
  }
}

/** Roles for a membership: at least one, no repeats, each fitting the organisation's kind (BAD_USER_INPUT). */
export function checkRolesFit(roles: readonly Role[], kind: OrganisationKind): Role[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw new AppError('BAD_USER_INPUT', 'Choose at least one role', { field: 'roles' });
  if (!unique.every((role) => roleFitsOrganisationKind(role, kind))) {
    throw new AppError('BAD_USER_INPUT', 'A role does not fit this kind of organisation', { field: 'roles', reason: 'ROLE_DOES_NOT_FIT' });
  }
  return unique;
}
