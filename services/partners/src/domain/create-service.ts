import { AppError, badInput } from '@haven/kit/src/errors';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { PartnersDb } from '../db';
import type { Service } from '../generated/prisma/client';
import { ageBound, ageRange, coordinates, enumList, languageCodes, notNull, postalCode, text } from './input-rules';
import { partnersChangeEvent } from './audit-event';
import { assertMayManageOrganisation } from './may-manage-organisation';
import { EXCLUSIONS_MAX, SERVICE_DESCRIPTION_MAX, SERVICE_NAME_MAX, type UpdateServiceInput } from './update-service';

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

  const minAge = ageBound('minAge', input.minAge) ?? null;
  const maxAge = ageBound('maxAge', input.maxAge) ?? null;
  ageRange(minAge, maxAge);
  const type = notNull('type', input.type);
  const province = notNull('province', input.province);
  const name = text('name', input.name, { max: SERVICE_NAME_MAX, required: true });
  if (!type) throw badInput('type', 'A new service needs a type');
  if (!name) throw badInput('name', 'A new service needs a name');
  if (!province) throw badInput('province', 'A new service needs a province');
  const data = {
    organisationId: input.organisationId,
    type,
    name,
    province,
    description: text('description', input.description, { max: SERVICE_DESCRIPTION_MAX, required: false }) ?? '',
    minAge,
    maxAge,
    street: text('street', input.street, { max: 200, required: false }) ?? '',
    postalCode: postalCode('postalCode', input.postalCode) ?? '',
    city: text('city', input.city, { max: 100, required: false }) ?? '',
    ...coordinates(input.latitude, input.longitude),
    genders: enumList('genders', input.genders) ?? [],
    languages: languageCodes('languages', input.languages) ?? [],
    exploitationTypes: enumList('exploitationTypes', input.exploitationTypes) ?? [],
    exclusions: text('exclusions', input.exclusions, { max: EXCLUSIONS_MAX, required: false }) ?? '',
    updatedByUserId: caller!.subject,
  };

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
