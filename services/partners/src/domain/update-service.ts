import { AppError } from '@haven/kit/src/errors';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Province, ServiceType } from '@haven/kit/src/taxonomy';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { PartnersDb } from '../db';
import type { ExploitationType, Gender, Service } from '../generated/prisma/client';
import { ageBound, ageRange, coordinates, enumList, languageCodes, notNull, postalCode, text } from './input-rules';
import { partnersChangeEvent } from './audit-event';
import { assertMayManageOrganisation } from './may-manage-organisation';

export interface UpdateServiceInput {
  id: string;
  type?: ServiceType | null;
  name?: string | null;
  description?: string | null;
  province?: Province | null;
  /** null: no lower bound. */
  minAge?: number | null;
  /** null: no upper bound. */
  maxAge?: number | null;
  /** Where the service is given; an empty city means "at the organisation's address". */
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** Eligibility lists: empty = no restriction. */
  genders?: readonly Gender[] | null;
  languages?: readonly string[] | null;
  exploitationTypes?: readonly ExploitationType[] | null;
  exclusions?: string | null;
}

export const SERVICE_NAME_MAX = 200;
export const SERVICE_DESCRIPTION_MAX = 2000;
export const EXCLUSIONS_MAX = 2000;

/**
 * A service's editable fields, each checked and normalised (trimmed text, ISO 639-1 codes, coordinates in
 * pairs); undefined = not given. The age range is the caller's to check: an edit compares with the stored
 * bounds, a new service only with itself.
 */
export function checkedServiceFields(input: Omit<UpdateServiceInput, 'id'>) {
  return {
    type: notNull('type', input.type),
    name: text('name', input.name, { max: SERVICE_NAME_MAX, required: true }),
    description: text('description', input.description, { max: SERVICE_DESCRIPTION_MAX, required: false }),
    province: notNull('province', input.province),
    minAge: ageBound('minAge', input.minAge),
    maxAge: ageBound('maxAge', input.maxAge),
    street: text('street', input.street, { max: 200, required: false }),
    postalCode: postalCode('postalCode', input.postalCode),
    city: text('city', input.city, { max: 100, required: false }),
    ...coordinates(input.latitude, input.longitude),
    genders: enumList('genders', input.genders),
    languages: languageCodes('languages', input.languages),
    exploitationTypes: enumList('exploitationTypes', input.exploitationTypes),
    exclusions: text('exclusions', input.exclusions, { max: EXCLUSIONS_MAX, required: false }),
  };
}

/** Changes a service of the caller's own organisation (or any, for a network admin). */
export async function updateService(
  db: PartnersDb,
  caller: Identity | null,
  input: UpdateServiceInput,
  requestId: string | null = null,
): Promise<Service> {
  const current = isUuid(input.id) ? await db.service.findUnique({ where: { id: input.id } }) : null;
  if (!current) throw new AppError('NOT_FOUND', 'Service not found');
  assertMayManageOrganisation(caller, current.organisationId);

  const fields = checkedServiceFields(input);
  ageRange(fields.minAge === undefined ? current.minAge : fields.minAge, fields.maxAge === undefined ? current.maxAge : fields.maxAge);
  // Every accepted edit, eligibility included, names its author; updatedAt is set by Prisma (@updatedAt).
  const changes = { ...fields, updatedByUserId: caller!.subject };

  // The age range was checked against the bounds read above; write only if they are still those,
  // so two concurrent half-updates cannot together leave minAge > maxAge. The audit event commits with the
  // change (last statement: it holds the chain lock until commit).
  await db.$transaction(async (tx) => {
    const { count } = await tx.service.updateMany({
      where: { id: current.id, minAge: current.minAge, maxAge: current.maxAge },
      data: changes,
    });
    if (count === 0) throw new AppError('CONFLICT', 'The service changed meanwhile; reload and try again');
    await writeAuditEvents(tx, [partnersChangeEvent(caller, requestId, 'directory.service.update', { subjectId: current.id })]);
  });
  return db.service.findUniqueOrThrow({ where: { id: current.id } });
}
