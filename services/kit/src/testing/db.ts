import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';
import { createDatabase, dropDatabase } from '../db/databases';
import { migrateAll } from '../db/migrate-all';
import { withDatabase } from '../db/pg-url';
import type { ServiceName } from '../db/services';

/**
 * The per-run test database prepared by tests/setup/global-setup.ts: all four services migrated, app roles
 * ready. Every test file of the run shares it (Jest runs files in parallel), so tests create their own rows
 * and never assume empty tables or fixed counts.
 */
export interface TestDatabase {
  /** Owner/superuser URL of the run's database: for fixtures and assertions, never for the code under test. */
  adminUrl: string;
  /** The service's app role (haven_<service>), the URL the service itself would get. */
  appUrl(service: ServiceName): string;
}

export function testDatabase(): TestDatabase {
  const adminUrl = requireEnv('HAVEN_TEST_ADMIN_URL');
  return {
    adminUrl,
    appUrl: (service) => requireEnv(`HAVEN_TEST_APP_URL_${service.toUpperCase()}`),
  };
}

/**
 * Empties a service's tables (not its migration history) in the run's database. Only for test files that
 * need a clean slate and own that service's data for the run: other files may be using the same tables.
 */
export async function truncateServiceTables(service: ServiceName, adminUrl = testDatabase().adminUrl): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 AND tablename <> '_prisma_migrations'`,
      [service],
    );
    if (rows.length === 0) return;
    const tables = rows.map((r) => `${escapeIdentifier(service)}.${escapeIdentifier(r.name)}`).join(', ');
    await client.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  name: string;
  /** Admin URL of the new, empty database. */
  adminUrl: string;
  drop(): Promise<void>;
}

/**
 * A new empty database on the test server with a random name, for tests that must change schemas or
 * migrate from scratch without disturbing the shared run database. Drop it in afterAll/finally.
 */
export async function createScratchDatabase(prefix = 'haven_scratch'): Promise<ScratchDatabase> {
  const serverUrl = requireEnv('HAVEN_TEST_SERVER_URL');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await createDatabase(serverUrl, name);
  return { name, adminUrl: withDatabase(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests through Jest with the root jest.config.js (tests/setup/global-setup.ts).`);
  return value;
}

export interface IsolatedDatabase extends TestDatabase {
  drop(): Promise<void>;
}

/**
 * A database of its own with `services` migrated and granted, for a test whose code under test acts on
 * every row it finds (background jobs): in the shared run database it would touch other files' rows.
 * The app roles keep this run's passwords (they are cluster-wide), so only the database name differs.
 */
export async function createIsolatedDatabase(services: ServiceName[]): Promise<IsolatedDatabase> {
  const scratch = await createScratchDatabase('haven_isolated');
  try {
    await migrateAll({ adminUrl: scratch.adminUrl, services });
  } catch (error) {
    await scratch.drop().catch(() => undefined);
    throw error;
  }
  const run = testDatabase();
  return {
    adminUrl: scratch.adminUrl,
    appUrl: (service) => withDatabase(run.appUrl(service), scratch.name),
    drop: scratch.drop,
  };
}
