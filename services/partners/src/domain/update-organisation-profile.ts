import { badInput } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Province } from '@haven/kit/src/taxonomy';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { PartnersDb } from '../db';
import type { OrganisationProfile } from '../generated/prisma/client';
import { notNull, text } from './input-rules';
import { assertMayManageOrganisation } from './may-manage-organisation';

export interface UpdateOrganisationProfileInput {
  organisationId: string;
  description?: string | null;
  province?: Province | null;
  city?: string | null;
  acceptingReferrals?: boolean | null;
}

export const DESCRIPTION_MAX = 2000;
export const CITY_MAX = 100;

/**
 * Changes (or first creates) an organisation's directory profile. Checks who may, then the input,
 * and only then writes: a refused or invalid request changes nothing.
 */
export async function updateOrganisationProfile(
  db: PartnersDb,
  caller: Identity | null,
  input: UpdateOrganisationProfileInput,
): Promise<OrganisationProfile> {
  assertMayManageOrganisation(caller, input.organisationId);
  if (!isUuid(input.organisationId)) throw badInput('organisationId', 'organisationId is not a valid id');

  const changes = {
    description: text('description', input.description, { max: DESCRIPTION_MAX, required: false }),
    province: notNull('province', input.province),
    city: text('city', input.city, { max: CITY_MAX, required: true }),
    acceptingReferrals: notNull('acceptingReferrals', input.acceptingReferrals),
    updatedByUserId: caller!.subject,
  };

  const existing = await db.organisationProfile.findUnique({ where: { organisationId: input.organisationId } });
  if (!existing) {
    // Identity creates organisations; their directory entry starts with the first edit here.
    if (!changes.province || !changes.city) {
      throw badInput(changes.province ? 'city' : 'province', 'A new profile needs a province and a city');
    }
    return db.organisationProfile.upsert({
      where: { organisationId: input.organisationId },
      create: { ...changes, organisationId: input.organisationId, province: changes.province, city: changes.city },
      update: changes,
    });
  }
  return db.organisationProfile.update({ where: { organisationId: input.organisationId }, data: changes });
}
