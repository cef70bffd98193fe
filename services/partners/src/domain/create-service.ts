import { AppError, badInput } from '@haven/kit/src/errors';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { PartnersDb } from '../db';
import type { Service } from '../generated/prisma/client';
import { ageRange } from './input-rules';
import { partnersChangeEvent } from './audit-event';
import { assertMayManageOrganisation } from './may-manage-organisation';
import { checkedServiceFields, type UpdateServiceInput } from './update-service';

/** A new service: what updateService takes, for an organisation instead of a service; type, name and province required. */
export interface CreateServiceInput extends Omit<UpdateServiceInput, 'id'> {
  organisationId: string;
}

/**
 * Adds a service to the caller's own organisation (or any, for a network admin), checked by the same rules
 * as an edit. It starts without a capacity row — "capacity never stated" — so matching leaves it out until
 * the organisation states its places (updateCapacity), rather than offering places nobody promised.
 */
export async function createService(
  db: PartnersDb,
  caller: Identity | null,
  input: CreateServiceInput,
  requestId: string | null = null,
): Promise<Service> {
  if (!isUuid(input.organisationId)) throw new AppError('NOT_FOUND', 'Organisation not found');
  assertMayManageOrganisation(caller, input.organisationId);

  const fields = checkedServiceFields(input);
  ageRange(fields.minAge ?? null, fields.maxAge ?? null);
  if (!fields.type) throw badInput('type', 'A new service needs a type');
  if (!fields.name) throw badInput('name', 'A new service needs a name');
  if (!fields.province) throw badInput('province', 'A new service needs a province');
  // Fields not given take the table's defaults (empty text and lists, no bounds, no position).
  const data = { ...fields, type: fields.type, name: fields.name, province: fields.province, organisationId: input.organisationId, updatedByUserId: caller!.subject };

  return db.$transaction(async (tx) => {
    // The directory entry must exist first (the service hangs off it); a partner organisation gets one
    // with its first profile edit.
    const profile = await tx.organisationProfile.findUnique({ where: { organisationId: input.organisationId }, select: { organisationId: true } });
    if (!profile) throw new AppError('CONFLICT', 'Fill in the organisation profile before adding services', { reason: 'PROFILE_MISSING' });
    const service = await tx.service.create({ data });
    await writeAuditEvents(tx, [partnersChangeEvent(caller, requestId, 'directory.service.create', { subjectId: service.id })]);
    return service;
  });
}
