import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { AppError, badInput } from '@haven/kit/src/errors';
import { ORGANISATION_KINDS, type OrganisationKind } from '@haven/kit/src/taxonomy';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { IdentityDb } from '../db';
import type { Organisation } from '../generated/prisma/client';
import { identityEvent } from './audit-event';

export const MIN_ORGANISATION_NAME_LENGTH = 2;
export const MAX_ORGANISATION_NAME_LENGTH = 200;

/**
 * A new organisation in the network (network admins; the shield map asks for the role, this asks again so the
 * function is safe on its own). Names are unique — the directory, referrals and the audit trail show them to
 * tell organisations apart — so a taken name is CONFLICT, also when two admins race for it (the unique index
 * decides). Audited ('organisation.create', subjectId = the new organisation) in the same transaction.
 * It starts without members: createUser adds its first (admin) account.
 */
export async function createOrganisation(
  db: IdentityDb,
  caller: Identity | null,
  input: { name: string; kind: OrganisationKind },
  requestId: string | null = null,
): Promise<Organisation> {
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (caller.kind !== 'user' || !caller.roles.includes('NETWORK_ADMIN')) throw new AppError('FORBIDDEN', 'Not allowed');
  const name = input.name.trim();
  if (name.length < MIN_ORGANISATION_NAME_LENGTH || name.length > MAX_ORGANISATION_NAME_LENGTH) {
    throw badInput('name', `name must be ${MIN_ORGANISATION_NAME_LENGTH} to ${MAX_ORGANISATION_NAME_LENGTH} characters`);
  }
  if (!ORGANISATION_KINDS.includes(input.kind)) throw badInput('kind', 'Unknown kind of organisation');
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.organisation.create({ data: { name, kind: input.kind } });
      await writeAuditEvents(tx, [identityEvent(caller, requestId, 'organisation.create', created.id)]);
      return created;
    });
  } catch (error) {
    if ((error as { code?: unknown })?.code === 'P2002') {
      throw new AppError('CONFLICT', 'An organisation with this name exists already', { field: 'name' });
    }
    throw error;
  }
}
