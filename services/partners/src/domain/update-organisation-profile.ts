import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { badInput } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Province } from '@haven/kit/src/taxonomy';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { PartnersDb } from '../db';
import type { CareOrganisationKind, OrganisationProfile } from '../generated/prisma/client';
import { coordinates, email, enumList, languageCodes, notNull, phone, postalCode, text } from './input-rules';
import { partnersChangeEvent } from './audit-event';
import { assertMayManageOrganisation } from './may-manage-organisation';

export interface UpdateOrganisationProfileInput {
  organisationId: string;
  careKind?: CareOrganisationKind | null;
  description?: string | null;
  province?: Province | null;
  regionsServed?: readonly Province[] | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  /** Both or neither; both null clears the position. */
  latitude?: number | null;
  longitude?: number | null;
  intakePhone?: string | null;
  intakeEmail?: string | null;
  intakeHours?: string | null;
  languages?: readonly string[] | null;
  acceptingReferrals?: boolean | null;
}

export const DESCRIPTION_MAX = 2000;
export const CITY_MAX = 100;
export const STREET_MAX = 200;
export const INTAKE_HOURS_MAX = 500;

/**
 * Changes (or first creates) an organisation's directory profile. Checks who may, then the input,
 * and only then writes: a refused or invalid request changes nothing. The write and its audit event commit
 * together (the event last: it takes the chain lock until commit).
 */
export async function updateOrganisationProfile(
  db: PartnersDb,
  caller: Identity | null,
  input: UpdateOrganisationProfileInput,
  requestId: string | null = null,
): Promise<OrganisationProfile> {
  assertMayManageOrganisation(caller, input.organisationId);
  if (!isUuid(input.organisationId)) throw badInput('organisationId', 'organisationId is not a valid id');

  const changes = {
    careKind: notNull('careKind', input.careKind),
    description: text('description', input.description, { max: DESCRIPTION_MAX, required: false }),
    province: notNull('province', input.province),
    regionsServed: enumList('regionsServed', input.regionsServed),
    street: text('street', input.street, { max: STREET_MAX, required: false }),
    postalCode: postalCode('postalCode', input.postalCode),
    city: text('city', input.city, { max: CITY_MAX, required: true }),
    ...coordinates(input.latitude, input.longitude),
    intakePhone: phone('intakePhone', input.intakePhone),
    intakeEmail: email('intakeEmail', input.intakeEmail),
    intakeHours: text('intakeHours', input.intakeHours, { max: INTAKE_HOURS_MAX, required: false }),
    languages: languageCodes('languages', input.languages),
    acceptingReferrals: notNull('acceptingReferrals', input.acceptingReferrals),
    // Every accepted edit, whatever it touches, names its author; updatedAt is set by Prisma (@updatedAt).
    updatedByUserId: caller!.subject,
  };

  const existing = await db.organisationProfile.findUnique({ where: { organisationId: input.organisationId } });
  // Identity creates organisations; their directory entry starts with the first edit here.
  if (!existing && (!changes.province || !changes.city)) {
    throw badInput(changes.province ? 'city' : 'province', 'A new profile needs a province and a city');
  }
  const { province, city } = changes;
  return db.$transaction(async (tx) => {
    const profile = existing
      ? await tx.organisationProfile.update({ where: { organisationId: input.organisationId }, data: changes })
      : await tx.organisationProfile.upsert({
          where: { organisationId: input.organisationId },
          create: { ...changes, organisationId: input.organisationId, province: province!, city: city! },
          update: changes,
        });
    await writeAuditEvents(tx, [
      partnersChangeEvent(caller, requestId, 'directory.profile.update', { subjectId: input.organisationId }),
    ]);
    return profile;
  });
}
