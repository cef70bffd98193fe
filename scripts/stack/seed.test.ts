import { Client } from 'pg';
import { appDatabaseUrl } from '@haven/kit/src/db/app-roles';
import { migrateAll } from '@haven/kit/src/db/migrate-all';
import { createScratchDatabase, testDatabase, type ScratchDatabase } from '@haven/kit/src/testing/db';
import { formatKeyRingEntry } from '@haven/kit/src/crypto/key-ring';
import { open, type KeyRing } from '@haven/kit/src/crypto/sealed';
import { createConsentDb } from '@haven/consent/src/db';
import { decideBatch } from '@haven/consent/src/domain/decide-batch';
import { randomBytes } from 'node:crypto';
import { buildDemoCases } from '../demo-cases';
import { buildDemoNetwork } from '../demo-network';
import { seedDemoNetwork, type SeedUrls } from './seed';

const network = buildDemoNetwork();
let scratch: ScratchDatabase;
let urls: Required<SeedUrls>;
const key = randomBytes(32);
const vaultKeys = formatKeyRingEntry('k1', key);
const ring: KeyRing = { currentKeyId: 'k1', keys: new Map([['k1', key]]) };

beforeAll(async () => {
  scratch = await createScratchDatabase('haven_seed');
  // App roles are cluster-wide: keep the run's passwords (setting others would lock out the run's other tests).
  const passwordOf = (service: 'identity' | 'partners' | 'cases' | 'consent') => decodeURIComponent(new URL(testDatabase().appUrl(service)).password);
  await migrateAll({ adminUrl: scratch.adminUrl });
  // Through the services' own roles, as `npm start` does: the grants must allow the seed.
  urls = {
    identity: appDatabaseUrl(scratch.adminUrl, 'identity', passwordOf('identity')),
    partners: appDatabaseUrl(scratch.adminUrl, 'partners', passwordOf('partners')),
    cases: appDatabaseUrl(scratch.adminUrl, 'cases', passwordOf('cases')),
    consent: appDatabaseUrl(scratch.adminUrl, 'consent', passwordOf('consent')),
  };
}, 60_000);

afterAll(async () => {
  await scratch?.drop();
});

async function rows<T>(sql: string): Promise<T[]> {
  const client = new Client({ connectionString: scratch.adminUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}
async function count(sql: string): Promise<number> {
  return Number((await rows<{ n: string }>(sql))[0]!.n);
}

describe('seedDemoNetwork', () => {
  it('fills an empty database with the whole demo network, and a second run adds nothing', async () => {
    // Without the cases URLs and the key ring: only the network (as `npm run db:seed` without HAVEN_VAULT_KEYS).
    const first = await seedDemoNetwork({ identity: urls.identity, partners: urls.partners });
    expect(first).toMatchObject({
      seeded: true,
      demoPresent: true,
      organisations: network.organisations.length,
      services: network.services.length,
      capacities: network.capacities.length,
    });

    const second = await seedDemoNetwork({ identity: urls.identity, partners: urls.partners });
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

describe('seedDemoNetwork with the demo cases', () => {
  const demo = buildDemoCases(network, new Date());

  it('seeds the cases through the services own roles, consistently, and a second run adds nothing', async () => {
    const first = await seedDemoNetwork(urls, { vaultKeys });
    expect(first).toMatchObject({ casesSeeded: true, cases: demo.cases.length });
    const tables = ['cases."Case"', 'cases."VaultField"', 'cases."Referral"', 'cases."TimelineEvent"', 'cases."Message"', 'cases."MessageRead"',
      'consent."ConsentRecord"', 'partners."CapacityHold"', 'partners."CapacityChange"'];
    const counts = async () => Promise.all(tables.map((t) => count(`SELECT count(*) AS n FROM ${t}`)));
    const before = await counts();
    expect(before.slice(0, 7)).toEqual([demo.cases.length, demo.vault.length, demo.referrals.length, demo.timeline.length, demo.messages.length, demo.reads.length, demo.consents.length]);

    const second = await seedDemoNetwork(urls, { vaultKeys });
    expect(second).toMatchObject({ casesSeeded: false, cases: demo.cases.length });
    expect(await counts()).toEqual(before);

    // Capacity.heldSlots equals the live holds of each service, everywhere.
    expect(await count(`SELECT count(*) AS n FROM partners."Capacity" c
      WHERE c."heldSlots" <> (SELECT count(*) FROM partners."CapacityHold" h WHERE h."serviceId" = c."serviceId" AND h."releasedAt" IS NULL)`)).toBe(0);
    // A live hold for exactly the referrals that hold a slot.
    const live = await rows<{ id: string }>(`SELECT "referralId" AS id FROM partners."CapacityHold" WHERE "releasedAt" IS NULL ORDER BY 1`);
    const holding = await rows<{ id: string }>(`SELECT "id"::text AS id FROM cases."Referral" WHERE "state" IN ('ACCEPTED', 'IN_CARE') ORDER BY 1`);
    expect(live.map((r) => r.id)).toEqual(holding.map((r) => r.id));
    expect(holding.length).toBeGreaterThan(0);
    // No audit events: the audit trail starts with real use.
    expect(await count('SELECT count(*) AS n FROM audit."AuditEvent"')).toBe(0);
  }, 60_000);

  it('seals personal data and messages with the ring, so the service opens them', async () => {
    const [name] = await rows<{ caseId: string; keyId: string; sealed: Buffer }>(
      `SELECT "caseId", "keyId", "sealed" FROM cases."VaultField" WHERE "field" = 'name' AND "caseId" = '${demo.cases[0]!.id}'`);
    expect(open(ring, { keyId: name!.keyId, sealed: name!.sealed }, `case:${name!.caseId}:field:name`)).toBe('Demo Persoon 1');
    const [message] = await rows<{ id: string; keyId: string; sealed: Buffer }>(`SELECT "id", "keyId", "sealed" FROM cases."Message" LIMIT 1`);
    expect(open(ring, { keyId: message!.keyId, sealed: message!.sealed }, `message:${message!.id}`)).toBe(demo.messages.find((m) => m.id === message!.id)!.body);
    expect(await count(`SELECT count(*) AS n FROM cases."VaultField" WHERE position(convert_to('Demo Persoon', 'UTF8') in "sealed") > 0`)).toBe(0);
  });

  it("lets consent allow every accepted referral's partner, and refuses the case whose consent was withdrawn", async () => {
    const db = createConsentDb(urls.consent, 1);
    try {
      const accepted = demo.referrals.filter((r) => r.state === 'ACCEPTED' || r.state === 'IN_CARE');
      const answers = await decideBatch(db, accepted.map((r) => ({ caseId: r.caseId, organisationId: r.organisationId, category: 'IDENTITY', purpose: 'REFERRAL_CARE' })));
      expect(answers.map((a) => a.allowed)).toEqual(accepted.map(() => true));
      const withdrawnCase = demo.consents.find((r) => r.status === 'WITHDRAWN')!.caseId;
      const [refused] = await decideBatch(db, [{ caseId: withdrawnCase, organisationId: accepted[0]!.organisationId, category: null, purpose: 'REFERRAL_CARE' }]);
      expect(refused!.allowed).toBe(false);
    } finally {
      await db.$disconnect();
    }
  });
});
