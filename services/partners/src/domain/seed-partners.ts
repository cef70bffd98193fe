import type { Province, ServiceType } from '@haven/kit/src/taxonomy';
import type { PartnersDb } from '../db';

export interface PartnersSeed {
  profiles: {
    organisationId: string;
    description: string;
    province: Province;
    city: string;
    acceptingReferrals: boolean;
  }[];
  services: {
    id: string;
    organisationId: string;
    type: ServiceType;
    name: string;
    description: string;
    province: Province;
    minAge: number | null;
    maxAge: number | null;
  }[];
}

/**
 * Loads the demo directory into an empty partners schema. Running it again (or twice at once) adds
 * nothing: it skips a non-empty directory, and skipDuplicates covers a concurrent first run.
 */
export async function seedPartners(db: PartnersDb, data: PartnersSeed): Promise<{ profiles: number; services: number }> {
  return db.$transaction(async (tx) => {
    if ((await tx.organisationProfile.count()) > 0) return { profiles: 0, services: 0 };
    const profiles = await tx.organisationProfile.createMany({ data: data.profiles, skipDuplicates: true });
    const services = await tx.service.createMany({ data: data.services, skipDuplicates: true });
    return { profiles: profiles.count, services: services.count };
  });
}
