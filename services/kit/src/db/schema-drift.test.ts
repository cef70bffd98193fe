import { createScratchDatabase, testDatabase, type ScratchDatabase } from '../testing/db';
import { migrateService } from './migrate-service';
import { checkSchemaDrift } from './schema-drift';
import { migrationsDirFor, NAMESPACES } from './services';
import { withClient } from './with-client';

// Each check asks Prisma 6's CLI for SQL (a child process of a few seconds on a busy machine).
jest.setTimeout(120_000);

async function exec(url: string, sql: string): Promise<void> {
  await withClient(url, (client) => client.query(sql));
}

describe('the drift check', () => {
  const results = new Map<string, string[]>();
  beforeAll(async () => {
    // The checks in parallel (four services and audit): each starts Prisma's CLI once.
    const adminUrl = testDatabase().adminUrl;
    await Promise.all(NAMESPACES.map(async (service) => results.set(service, await checkSchemaDrift({ adminUrl, service }))));
  });

  test.each(NAMESPACES)('finds the migrated %s schema identical to its schema.prisma', (service) => {
    expect(results.get(service)).toEqual([]);
  });

  describe('on a database changed by hand', () => {
    let db: ScratchDatabase;
    beforeEach(async () => {
      db = await createScratchDatabase();
      await migrateService({ adminUrl: db.adminUrl, service: 'identity', migrationsDir: migrationsDirFor('identity') });
    });
    afterEach(async () => {
      await db.drop();
    });

    test.each([
      ['a dropped index', 'DROP INDEX identity."Membership_organisationId_idx"', /index "Membership_organisationId_idx" is missing/],
      ['a column made nullable', 'ALTER TABLE identity."Session" ALTER COLUMN "expiresAt" DROP NOT NULL', /column "Session"\."expiresAt" differs: .*NULL; schema\.prisma expects .*NOT NULL/],
      ['a dropped foreign key', 'ALTER TABLE identity."Membership" DROP CONSTRAINT "Membership_userId_fkey"', /constraint "Membership_userId_fkey" is missing/],
      ['an extra table', 'CREATE TABLE identity."Extra" (id int PRIMARY KEY)', /table "Extra" is in the database but not in schema\.prisma/],
      ['a changed enum', `ALTER TYPE identity."Role" ADD VALUE 'SUPERVISOR'`, /enum "Role" differs/],
    ])('reports %s, and only that', async (_what, drift, expected) => {
      await exec(db.adminUrl, drift);
      const differences = await checkSchemaDrift({ adminUrl: db.adminUrl, service: 'identity' });
      expect(differences.some((d) => expected.test(d))).toBe(true);
      // Dropping the foreign key also drops nothing else; an extra table brings its primary key and index.
      expect(differences.every((d) => expected.test(d) || d.includes('Extra'))).toBe(true);
    });

    test('leaves no scratch schema behind', async () => {
      await checkSchemaDrift({ adminUrl: db.adminUrl, service: 'identity' });
      const { rows } = await withClient(db.adminUrl, (client) =>
        client.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'haven_drift_%'`),
      );
      expect(rows).toEqual([]);
    });
  });
});
