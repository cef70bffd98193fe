import type { Prisma } from '../generated/prisma/client';
import type { PartnersDb } from '../db';

export interface PartnersSeed {
  /** Rows as the tables take them; columns left out get their defaults. */
  profiles: Prisma.OrganisationProfileCreateManyInput[];
  services: Prisma.ServiceCreateManyInput[];
  /**
   * Declared capacity per service (no holds: a hold belongs to a real referral in the cases service).
   * confirmedAt null = declared but never confirmed; confirmedByUserId stays empty (the seed is nobody).
   */
  capacities?: { serviceId: string; totalSlots: number; waitlistLength: number; paused: boolean; confirmedAt: Date | null }[];
}

export interface PartnersSeedResult {
  profiles: number;
  services: number;
  capacities: number;
}

/**
 * Loads the demo directory into an empty partners schema. Running it again (or twice at once) adds
 * nothing: it skips a non-empty directory, and skipDuplicates covers a concurrent first run.
 * Capacity rows go in through the service role's INSERT grant; heldSlots starts at 0 and no history row
 * is written (a history row names the user who made the change, and a seed has none).
 */
export async function seedPartners(db: PartnersDb, data: PartnersSeed): Promise<PartnersSeedResult> {
  return db.$transaction(async (tx) => {
    if ((await tx.organisationProfile.count()) > 0) return { profiles: 0, services: 0, capacities: 0 };
    const profiles = await tx.organisationProfile.createMany({ data: data.profiles, skipDuplicates: true });
    const services = await tx.service.createMany({ data: data.services, skipDuplicates: true });
    const capacities = await tx.capacity.createMany({
      data: (data.capacities ?? []).map((c) => ({ ...c, heldSlots: 0 })),
      skipDuplicates: true,
    });
    return { profiles: profiles.count, services: services.count, capacities: capacities.count };
  });
}
