import type { Prisma } from '../generated/prisma/client';
import type { PartnersDb } from '../db';
import { recordCapacityChange } from './record-capacity-change';
import { CAPACITY, CAPACITY_HOLD, inCapacityTransaction, type CapacityCounts } from './sql';

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

/** A demo referral's slot hold: live (releasedAt null) while the referral is accepted or in care. */
export interface SeedHold {
  referralId: string;
  serviceId: string;
  heldAt: Date;
  heldByUserId: string | null;
  releasedAt: Date | null;
  releasedByUserId: string | null;
}

/**
 * Inserts the demo cases' slot holds, keeping Capacity.heldSlots equal to the live holds: each hold that
 * is new (by referral id: a re-run inserts nothing) and live takes one slot with the same conditional
 * UPDATE as holdSlot, and the whole set rolls back if a service has no free slot. History rows
 * (CapacityChange HOLD and RELEASE) are written as holdSlot and releaseSlot would; no audit events, since
 * the seed is not anybody's action and the audit trail starts with real use.
 */
export async function seedHolds(db: PartnersDb, holds: readonly SeedHold[]): Promise<{ inserted: number }> {
  return inCapacityTransaction(db, async (tx) => {
    let inserted = 0;
    for (const hold of holds) {
      const claimed = await tx.$queryRaw<{ referralId: string }[]>`
        INSERT INTO ${CAPACITY_HOLD} ("referralId", "serviceId", "heldAt", "heldByUserId", "heldByPart", "releasedAt", "releasedByUserId")
        VALUES (${hold.referralId}::uuid, ${hold.serviceId}::uuid, ${hold.heldAt}, ${hold.heldByUserId}::uuid, 'cases',
                ${hold.releasedAt}, ${hold.releasedByUserId}::uuid)
        ON CONFLICT ("referralId") DO NOTHING
        RETURNING "referralId"`;
      if (claimed.length === 0) continue;
      inserted += 1;
      const [now] = await tx.$queryRaw<CapacityCounts[]>`
        SELECT "totalSlots", "heldSlots", "waitlistLength", "paused" FROM ${CAPACITY} WHERE "serviceId" = ${hold.serviceId}::uuid`;
      if (!now) throw new Error(`seed hold for service ${hold.serviceId}, which declared no capacity`);
      const held = { ...now, heldSlots: now.heldSlots + 1 };
      const change = { serviceId: hold.serviceId, byUserId: hold.heldByUserId, byPart: 'cases', referralId: hold.referralId };
      await recordCapacityChange(tx, { ...change, kind: 'HOLD', before: now, after: held });
      if (hold.releasedAt) {
        await recordCapacityChange(tx, { ...change, byUserId: hold.releasedByUserId, kind: 'RELEASE', before: held, after: now });
        continue;
      }
      const taken = await tx.$executeRaw`
        UPDATE ${CAPACITY} SET "heldSlots" = "heldSlots" + 1, "updatedAt" = now()
         WHERE "serviceId" = ${hold.serviceId}::uuid AND "heldSlots" < "totalSlots" AND NOT "paused"`;
      if (taken !== 1) throw new Error(`seed hold for service ${hold.serviceId}: no free slot`);
    }
    return { inserted };
  });
}
