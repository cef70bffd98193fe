import { randomUUID } from 'node:crypto';
import { migrateService } from '@haven/kit/src/db/migrate-service';
import { migrationsDirFor } from '@haven/kit/src/db/services';
import { createScratchDatabase, type ScratchDatabase } from '@haven/kit/src/testing/db';
import { createPartnersDb, type PartnersDb } from '../db';
import { seedPartners, type PartnersSeed } from './seed-partners';

// "Inserts when empty" needs an empty directory, which the shared run database cannot promise
// (other files write to it in parallel): this file migrates a scratch database of its own.
function demoData(): PartnersSeed {
  const a = randomUUID();
  const b = randomUUID();
  return {
    profiles: [
      { organisationId: a, description: 'Shelter', province: 'UTRECHT', city: 'Utrecht', acceptingReferrals: true },
      { organisationId: b, description: 'Legal aid', province: 'ZEELAND', city: 'Middelburg', acceptingReferrals: false },
    ],
    services: [
      { id: randomUUID(), organisationId: a, type: 'SHELTER', name: 'Beds', description: '', province: 'UTRECHT', minAge: 16, maxAge: null },
      { id: randomUUID(), organisationId: a, type: 'YOUTH_CARE', name: 'Youth', description: '', province: 'UTRECHT', minAge: 12, maxAge: 17 },
      { id: randomUUID(), organisationId: b, type: 'LEGAL_AID', name: 'Advice', description: '', province: 'ZEELAND', minAge: null, maxAge: null },
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

  it('fills an empty directory once; running it again adds nothing', async () => {
    const data = demoData();
    expect(await seedPartners(db, data)).toEqual({ profiles: 2, services: 3 });
    expect(await seedPartners(db, data)).toEqual({ profiles: 0, services: 0 });
    expect(await seedPartners(db, demoData())).toEqual({ profiles: 0, services: 0 });
    expect(await db.organisationProfile.count()).toBe(2);
    expect(await db.service.count()).toBe(3);
    const youth = await db.service.findFirstOrThrow({ where: { type: 'YOUTH_CARE' } });
    expect([youth.minAge, youth.maxAge, youth.organisationId]).toEqual([12, 17, data.profiles[0]!.organisationId]);
  });
});
