import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { migrateService } from '@haven/kit/src/db/migrate-service';
import { migrationsDirFor } from '@haven/kit/src/db/services';
import { createScratchDatabase, testDatabase, type ScratchDatabase } from '@haven/kit/src/testing/db';
import { createIdentityDb, type IdentityDb } from '../db';
import { createOrganisation } from '../testing/fixtures';
import { verifyPassword } from './password';
import { seedIdentity, type IdentitySeed } from './seed-identity';
import { base32Decode } from './totp';
import { totpSecretBox } from './totp-secret-box';

function demo(users: number): IdentitySeed {
  const centre = { id: randomUUID(), name: `Seed centre ${randomUUID()}`, kind: 'COORDINATING' as const };
  const partner = { id: randomUUID(), name: `Seed partner ${randomUUID()}`, kind: 'PARTNER' as const };
  return {
    organisations: [centre, partner],
    users: Array.from({ length: users }, (_, i) => ({
      id: randomUUID(),
      email: `Seed-User-${i}-${randomUUID()}@Example.test`,
      displayName: `Seed user ${i}`,
      password: `seed password number ${i}`,
      memberships: [{ organisationId: i % 2 ? centre.id : partner.id, role: i % 2 ? ('COORDINATOR' as const) : ('PARTNER_STAFF' as const) }],
    })),
  };
}

describe('seedIdentity with two-step sign-in', () => {
  let scratch: ScratchDatabase;
  let db: IdentityDb;
  beforeAll(async () => {
    scratch = await createScratchDatabase('haven_identity_seed_totp');
    await migrateService({ adminUrl: scratch.adminUrl, service: 'identity', migrationsDir: migrationsDirFor('identity') });
    db = createIdentityDb(scratch.adminUrl, 2);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await scratch?.drop();
  });

  it('seals a seed user\'s TOTP secret with the given box and turns it on; users without one stay off', async () => {
    const data = demo(2);
    const secret = 'HAVENDEMONETWERKTWEESTAPSGEHEIMA';
    data.users[0] = { ...data.users[0]!, totpSecret: secret };
    const box = totpSecretBox(generateKeyPairSync('ed25519').privateKey);
    await seedIdentity(db, data, { totpBox: box });

    const [withSecret, without] = await Promise.all(data.users.map((u) => db.user.findUniqueOrThrow({ where: { id: u.id } })));
    expect(withSecret!.totpEnabledAt).not.toBeNull();
    expect(withSecret!.totpSecret).not.toContain(secret);
    expect(box.open(withSecret!.totpSecret!, withSecret!.id)).toEqual(base32Decode(secret));
    expect(without!.totpSecret).toBeNull();
    expect(without!.totpEnabledAt).toBeNull();
  }, 60_000);
});

describe('seedIdentity into empty tables', () => {
  // Its own database: the run's shared one holds other test files' organisations.
  let scratch: ScratchDatabase;
  let db: IdentityDb;
  beforeAll(async () => {
    scratch = await createScratchDatabase('haven_identity_seed');
    await migrateService({ adminUrl: scratch.adminUrl, service: 'identity', migrationsDir: migrationsDirFor('identity') });
    db = createIdentityDb(scratch.adminUrl, 2);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await scratch?.drop();
  });

  it('inserts organisations, users with hashed passwords and memberships, ten users within seconds', async () => {
    const data = demo(10);
    const started = Date.now();

    await expect(seedIdentity(db, data)).resolves.toEqual({ seeded: true });

    // ~0.3 s of CPU per hash, hashed concurrently: a few seconds, more on a loaded CI machine.
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(await db.organisation.count()).toBe(2);
    expect(await db.membership.count()).toBe(10);
    const first = await db.user.findUniqueOrThrow({ where: { id: data.users[0]!.id } });
    expect(first.email).toBe(data.users[0]!.email.toLowerCase());
    expect(first.passwordHash).toMatch(/^scrypt\$/);
    await expect(verifyPassword(data.users[0]!.password, first.passwordHash)).resolves.toBe(true);
  }, 60_000);

  it('does nothing the second time', async () => {
    await expect(seedIdentity(db, demo(1))).resolves.toEqual({ seeded: false });
    expect(await db.organisation.count()).toBe(2);
    expect(await db.user.count()).toBe(10);
  });
});

describe('seedIdentity on a database that holds organisations', () => {
  it('leaves it alone', async () => {
    const db = createIdentityDb(testDatabase().appUrl('identity'), 2);
    try {
      await createOrganisation(db);
      const data = demo(1);
      await expect(seedIdentity(db, data)).resolves.toEqual({ seeded: false });
      expect(await db.user.count({ where: { id: data.users[0]!.id } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});

describe('seedIdentity with a role that does not fit its organisation', () => {
  it.each([
    ['a coordinating role in a partner organisation', 'PARTNER', 'NETWORK_ADMIN'],
    ['a partner role in the coordinating organisation', 'COORDINATING', 'PARTNER_ADMIN'],
  ] as const)('refuses %s, naming it, and writes nothing', async (_what, kind, role) => {
    const db = createIdentityDb(testDatabase().appUrl('identity'), 2);
    try {
      const data = demo(1);
      const organisation = { id: randomUUID(), name: `Misfit ${randomUUID()}`, kind };
      data.organisations.push(organisation);
      data.users[0]!.memberships = [{ organisationId: organisation.id, role }];

      await expect(seedIdentity(db, data)).rejects.toThrow(`role ${role} in "${organisation.name}", a ${kind} organisation`);
      expect(await db.organisation.count({ where: { id: organisation.id } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});
