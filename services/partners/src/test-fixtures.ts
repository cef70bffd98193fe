import { randomUUID } from 'node:crypto';
import type { PartnersDb } from './db';

// Test-only helpers (no service code imports this file).

/** An organisation profile with one service, written through the admin client; returns their ids. */
export async function createTestService(admin: PartnersDb, organisationId: string = randomUUID()) {
  await admin.organisationProfile.upsert({
    where: { organisationId },
    create: { organisationId, description: 'Test partner', province: 'UTRECHT', city: 'Utrecht' },
    update: {},
  });
  const service = await admin.service.create({
    data: { organisationId, type: 'SHELTER', name: `Test shelter ${randomUUID().slice(0, 8)}`, province: 'UTRECHT' },
  });
  return { organisationId, serviceId: service.id };
}

/** Sets a capacity row directly (fixtures only: the code under test goes through domain/). */
export async function setTestCapacity(
  admin: PartnersDb,
  serviceId: string,
  values: { totalSlots: number; heldSlots?: number; paused?: boolean; waitlistLength?: number },
) {
  const data = { heldSlots: 0, paused: false, waitlistLength: 0, ...values };
  await admin.capacity.upsert({ where: { serviceId }, create: { serviceId, ...data }, update: data });
}

/** What the database says: the counters, the live holds, and the history kinds in order. */
export async function capacityState(admin: PartnersDb, serviceId: string) {
  const [capacity, liveHolds, changes] = await Promise.all([
    admin.capacity.findUnique({ where: { serviceId } }),
    admin.capacityHold.count({ where: { serviceId, releasedAt: null } }),
    admin.capacityChange.findMany({ where: { serviceId }, orderBy: { at: 'asc' } }),
  ]);
  return { capacity, liveHolds, changes };
}
