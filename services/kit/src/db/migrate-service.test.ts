import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, testDatabase, type ScratchDatabase } from '../testing/db';
import { migrationChecksum } from './checksum';
import { markRolledBack } from './mark-rolled-back';
import { migrateAll } from './migrate-all';
import { migrateService } from './migrate-service';
import { MigrationError } from './migration-error';
import { readMigrations } from './migration-files';
import { migrationsDirFor, NAMESPACES, SERVICES } from './services';
import { withClient } from './with-client';

async function query<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (client) => (await client.query<T>(sql, params)).rows);
}

async function rejection(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof MigrationError)) throw new Error(`expected a MigrationError, got ${String(error)}`);
  return error;
}

describe("the service migrations on a fresh database", () => {
  let db: ScratchDatabase;
  beforeEach(async () => {
    db = await createScratchDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  test("applies every service's migrations into its own schema and records them as Prisma does", async () => {
    const results = await migrateAll({ adminUrl: db.adminUrl });

    for (const service of SERVICES) {
      const files = await readMigrations(migrationsDirFor(service));
      expect(files.length).toBeGreaterThan(0);
      expect(results.find((r) => r.service === service)?.applied).toEqual(files.map((f) => f.name));
      const rows = await query<{ migration_name: string; checksum: string; finished: boolean; applied_steps_count: number; logs: string | null }>(
        db.adminUrl,
        `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count, logs
         FROM "${service}"."_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows).toEqual(
        files.map((f) => ({ migration_name: f.name, checksum: migrationChecksum(f.script), finished: true, applied_steps_count: 1, logs: null })),
      );
      const tables = await query<{ n: number }>(db.adminUrl, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1`, [service]);
      expect(tables[0]!.n).toBeGreaterThan(1);
    }
  });

  test('running twice applies nothing the second time', async () => {
    await migrateAll({ adminUrl: db.adminUrl });
    const second = await migrateAll({ adminUrl: db.adminUrl });
    expect(second.map((r) => r.applied)).toEqual(NAMESPACES.map(() => []));
    expect(second.every((r) => r.alreadyApplied > 0)).toBe(true);
  });

  test('two concurrent runs both succeed and apply each migration exactly once', async () => {
    const [a, b] = await Promise.all([migrateAll({ adminUrl: db.adminUrl }), migrateAll({ adminUrl: db.adminUrl })]);
    for (const service of SERVICES) {
      const files = await readMigrations(migrationsDirFor(service));
      const appliedByBoth = [...a!.find((r) => r.service === service)!.applied, ...b!.find((r) => r.service === service)!.applied];
      expect(appliedByBoth.sort()).toEqual(files.map((f) => f.name).sort());
      const rows = await query<{ n: number }>(db.adminUrl, `SELECT count(*)::int AS n FROM "${service}"."_prisma_migrations"`);
      expect(rows[0]!.n).toBe(files.length);
    }
  });
});

describe('a migration history that went wrong', () => {
  // A throwaway "service" (= schema) with its own migrations directory, inside the run's database.
  const adminUrl = () => testDatabase().adminUrl;
  let service: string;
  let dir: string;

  async function writeMigration(name: string, sql: string): Promise<void> {
    await mkdir(join(dir, name), { recursive: true });
    await writeFile(join(dir, name, 'migration.sql'), sql);
  }
  const migrate = () => migrateService({ adminUrl: adminUrl(), service, migrationsDir: dir });

  beforeEach(async () => {
    service = `scratch_${randomBytes(5).toString('hex')}`;
    dir = await mkdtemp(join(tmpdir(), 'haven-migrations-'));
  });
  afterEach(async () => {
    await query(adminUrl(), `DROP SCHEMA IF EXISTS "${service}" CASCADE`);
    await rm(dir, { recursive: true, force: true });
  });

  test('an applied migration edited afterwards stops the run with a message naming it', async () => {
    await writeMigration('20250101000000_first', 'CREATE TABLE "First" (id int PRIMARY KEY);\n');
    await migrate();
    await writeMigration('20250101000000_first', 'CREATE TABLE "First" (id int PRIMARY KEY, extra text);\n');
    await writeMigration('20250102000000_second', 'CREATE TABLE "Second" (id int PRIMARY KEY);\n');

    const error = await rejection(migrate());

    expect(error.code).toBe('MIGRATION_EDITED');
    expect(error.message).toContain(`${service}/20250101000000_first`);
    expect(error.message).toContain('modified after it was applied');
    const second = await query<{ t: string | null }>(adminUrl(), `SELECT to_regclass($1)::text AS t`, [`"${service}"."Second"`]);
    expect(second[0]!.t).toBeNull();
  });

  test('a failing migration leaves no partial change, is recorded as failed, and blocks until marked rolled back', async () => {
    await writeMigration('20250101000000_ok', 'CREATE TABLE "Ok" (id int PRIMARY KEY);\n');
    // The first statement succeeds; the second fails: neither may remain.
    await writeMigration('20250102000000_broken', 'CREATE TABLE "Half" (id int PRIMARY KEY);\nALTER TABLE "Missing" ADD COLUMN x int;\n');

    const failure = await rejection(migrate());
    expect(failure.code).toBe('MIGRATION_FAILED');
    expect(failure.message).toContain(`${service}/20250102000000_broken`);
    expect(failure.message).toContain(`npm run db:migrate -- --rolled-back ${service}/20250102000000_broken`);

    const tables = await query<{ ok: string | null; half: string | null }>(
      adminUrl(),
      `SELECT to_regclass($1)::text AS ok, to_regclass($2)::text AS half`,
      [`"${service}"."Ok"`, `"${service}"."Half"`],
    );
    expect(tables[0]).toEqual({ ok: expect.any(String), half: null });
    const rows = await query<{ migration_name: string; finished: boolean; rolled_back: boolean; logs: string | null; applied_steps_count: number }>(
      adminUrl(),
      `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, logs, applied_steps_count
       FROM "${service}"."_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map(({ logs: _l, ...r }) => r)).toEqual([
      { migration_name: '20250101000000_ok', finished: true, rolled_back: false, applied_steps_count: 1 },
      { migration_name: '20250102000000_broken', finished: false, rolled_back: false, applied_steps_count: 0 },
    ]);
    expect(rows[1]!.logs).toContain('Database error code: 42P01');

    // Fixed, but not yet resolved: the runner refuses.
    await writeMigration('20250102000000_broken', 'CREATE TABLE "Half" (id int PRIMARY KEY);\n');
    const blocked = await rejection(migrate());
    expect(blocked.code).toBe('FAILED_MIGRATION_PENDING');
    expect(blocked.message).toContain(`${service}/20250102000000_broken`);

    await markRolledBack({ adminUrl: adminUrl(), service, migrationName: '20250102000000_broken' });
    const result = await migrate();
    expect(result.applied).toEqual(['20250102000000_broken']);
    const checksum = migrationChecksum(await readFile(join(dir, '20250102000000_broken', 'migration.sql')));
    const finished = await query<{ checksum: string }>(
      adminUrl(),
      `SELECT checksum FROM "${service}"."_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL`,
      ['20250102000000_broken'],
    );
    expect(finished).toEqual([{ checksum }]);
  });

  test('marking a migration rolled back that did not fail is refused', async () => {
    await writeMigration('20250101000000_ok', 'CREATE TABLE "Ok" (id int PRIMARY KEY);\n');
    await migrate();
    const error = await rejection(markRolledBack({ adminUrl: adminUrl(), service, migrationName: '20250101000000_ok' }));
    expect(error.code).toBe('NOT_A_FAILED_MIGRATION');
  });
});
