import { randomUUID } from 'node:crypto';
import { migrateService } from '@haven/kit/src/db/migrate-service';
import { migrationsDirFor } from '@haven/kit/src/db/services';
import { createScratchDatabase, type ScratchDatabase } from '@haven/kit/src/testing/db';
import { createPartnersDb, type PartnersDb } from '../db';
import { seedPartners, type PartnersSeed } from './seed-partners';

// "Inserts when empty" needs an empty directory, which the shared run database cannot promise
// (other files write to it in parallel): this file migrates a scratch database of its own.
const DAY_MS = 24 * 60 * 60 * 1000;

function demoData(): PartnersSeed {
  const a = randomUUID();
  const b = randomUUID();
  const beds = randomUUID();
  const advice = randomUUID();
  return {
    profiles: [
      {
        organisationId: a, description: 'Shelter', province: 'UTRECHT', city: 'Utrecht', acceptingReferrals: true,
        careKind: 'SHELTER', regionsServed: ['UTRECHT', 'GELDERLAND'], latitude: 52.0907, longitude: 5.1214, languages: ['nl', 'ti'],
        intakePhone: '+31 00 555 0001', intakeEmail: 'intake@shelter.example', intakeHours: '24/7',
      },
      { organisationId: b, description: 'Legal aid', province: 'ZEELAND', city: 'Middelburg', acceptingReferrals: false },
    ],
    services: [
      {
        id: beds, organisationId: a, type: 'SHELTER', name: 'Beds', description: '', province: 'UTRECHT', minAge: 16, maxAge: null,
        genders: ['FEMALE'], languages: ['nl', 'ti'], exploitationTypes: ['SEXUAL'], exclusions: 'No pets',
      },
      { id: randomUUID(), organisationId: a, type: 'YOUTH_CARE', name: 'Youth', description: '', province: 'UTRECHT', minAge: 12, maxAge: 17 },
      { id: advice, organisationId: b, type: 'LEGAL_AID', name: 'Advice', description: '', province: 'ZEELAND', minAge: null, maxAge: null },
    ],
    capacities: [
      { serviceId: beds, totalSlots: 4, waitlistLength: 0, paused: false, confirmedAt: new Date(Date.now() - DAY_MS) },
      { serviceId: advice, totalSlots: 0, waitlistLength: 3, paused: false, confirmedAt: new Date(Date.now() - 12 * DAY_MS) },
    ],
  };
}

describe('seedPartners', () => {
  let scratch: ScratchDatabase;
  let db: PartnersDb;

  beforeAll(async () => {
    scratch = await createScratchDatabase('haven_seed_partners');
    await migrateService({ adminUrl: scratch.adminUrl, service: 'partners', migrationsDir: migrationsDirFor('partners') });
    db = createPartnersDb(scratch.adminUrl, 2);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await scratch?.drop();
  });

  it('fills an empty directory once, capacities included; running it again adds nothing', async () => {
    const data = demoData();
    expect(await seedPartners(db, data)).toEqual({ profiles: 2, services: 3, capacities: 2 });
    expect(await seedPartners(db, data)).toEqual({ profiles: 0, services: 0, capacities: 0 });
    expect(await seedPartners(db, demoData())).toEqual({ profiles: 0, services: 0, capacities: 0 });
    expect(await db.organisationProfile.count()).toBe(2);
    expect(await db.service.count()).toBe(3);
    const youth = await db.service.findFirstOrThrow({ where: { type: 'YOUTH_CARE' } });
    expect([youth.minAge, youth.maxAge, youth.organisationId]).toEqual([12, 17, data.profiles[0]!.organisationId]);
    const shelter = await db.organisationProfile.findUniqueOrThrow({ where: { organisationId: data.profiles[0]!.organisationId } });
    expect(shelter).toMatchObject({ careKind: 'SHELTER', regionsServed: ['UTRECHT', 'GELDERLAND'], latitude: 52.0907, languages: ['nl', 'ti'] });
    const beds = await db.service.findUniqueOrThrow({ where: { id: data.services[0]!.id! }, include: { capacity: true } });
    expect(beds).toMatchObject({ genders: ['FEMALE'], exploitationTypes: ['SEXUAL'], exclusions: 'No pets' });
    expect(beds.capacity).toMatchObject({ totalSlots: 4, heldSlots: 0, paused: false });
    // The seed keeps the stated confirmation time, so a stale demo capacity is stale from the start.
    const advice = await db.capacity.findUniqueOrThrow({ where: { serviceId: data.services[2]!.id! } });
    expect(advice.confirmedAt!.getTime()).toBe(data.capacities![1]!.confirmedAt!.getTime());
    expect(await db.capacity.count({ where: { service: { type: 'YOUTH_CARE' } } })).toBe(0);
  });
});
