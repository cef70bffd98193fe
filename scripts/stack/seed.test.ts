import { Client } from 'pg';
import { appDatabaseUrl } from '@haven/kit/src/db/app-roles';
import { migrateAll } from '@haven/kit/src/db/migrate-all';
import { createScratchDatabase, testDatabase, type ScratchDatabase } from '@haven/kit/src/testing/db';
import { buildDemoNetwork } from '../demo-network';
import { seedDemoNetwork } from './seed';

const network = buildDemoNetwork();
let scratch: ScratchDatabase;
let urls: { identity: string; partners: string };

beforeAll(async () => {
  scratch = await createScratchDatabase('haven_seed');
  // App roles are cluster-wide: keep the run's passwords (setting others would lock out the run's other tests).
  const passwordOf = (service: 'identity' | 'partners') => decodeURIComponent(new URL(testDatabase().appUrl(service)).password);
  await migrateAll({ adminUrl: scratch.adminUrl, services: ['identity', 'partners'] });
  // Through the services' own roles, as `npm start` does: the grants must allow the seed.
  urls = {
    identity: appDatabaseUrl(scratch.adminUrl, 'identity', passwordOf('identity')),
    partners: appDatabaseUrl(scratch.adminUrl, 'partners', passwordOf('partners')),
  };
}, 60_000);

afterAll(async () => {
  await scratch?.drop();
});

async function count(sql: string): Promise<number> {
  const client = new Client({ connectionString: scratch.adminUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

describe('seedDemoNetwork', () => {
  it('fills an empty database with the whole demo network, and a second run adds nothing', async () => {
    const first = await seedDemoNetwork(urls);
    expect(first).toMatchObject({
      seeded: true,
      demoPresent: true,
      organisations: network.organisations.length,
      services: network.services.length,
      capacities: network.capacities.length,
    });

    const second = await seedDemoNetwork(urls);
    expect(second).toMatchObject({ seeded: false, demoPresent: true, organisations: network.organisations.length, services: network.services.length });

    expect(await count('SELECT count(*) AS n FROM identity."User"')).toBe(network.users.length);
    expect(await count('SELECT count(*) AS n FROM partners."OrganisationProfile"')).toBe(network.profiles.length);
    // Capacities land as the demo states them: stale ones (confirmed over 7 days ago) and full ones included.
    const stale = network.capacities.filter((c) => c.confirmedDaysAgo > 7).length;
    expect(stale).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM partners."Capacity" WHERE "confirmedAt" < now() - interval '7 days'`)).toBe(stale);
    expect(await count(`SELECT count(*) AS n FROM partners."Capacity" WHERE "totalSlots" = 0`)).toBe(network.capacities.filter((c) => c.totalSlots === 0).length);
    expect(await count('SELECT count(*) AS n FROM partners."Capacity" WHERE "heldSlots" <> 0')).toBe(0);
    // Passwords are stored hashed, never as given.
    expect(await count(`SELECT count(*) AS n FROM identity."User" WHERE "passwordHash" LIKE '%haven-demo%'`)).toBe(0);
  }, 60_000);
});
