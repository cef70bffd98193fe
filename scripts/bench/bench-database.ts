import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { appDatabaseUrl } from '@haven/kit/src/db/app-roles';
import { createDatabase, dropDatabase } from '@haven/kit/src/db/databases';
import { startEmbeddedPostgres } from '@haven/kit/src/db/embedded';
import { migrateAll } from '@haven/kit/src/db/migrate-all';
import { withDatabase } from '@haven/kit/src/db/pg-url';
import { REPO_ROOT, type ServiceName } from '@haven/kit/src/db/services';
import { withClient } from '@haven/kit/src/db/with-client';

/** The embedded server's port: not 5432 (machine), 54329 (`npm start`) or 54330 (tests). */
const BENCH_PORT = Number(process.env.HAVEN_BENCH_PG_PORT ?? 54331);

export interface BenchServer {
  /** Admin URL of the server (any database the admin may connect to). */
  serverUrl: string;
  /** For the printed header, e.g. "PostgreSQL 17.6 (embedded)". */
  description: string;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL's server when set (only scratch databases are created on it, and dropped again), else an
 * embedded PostgreSQL with its data in .haven-test/bench-pg, started and stopped by this run.
 */
export async function openBenchServer(): Promise<BenchServer> {
  const given = process.env.DATABASE_URL;
  const embedded = given
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(REPO_ROOT, '.haven-test', 'bench-pg'), port: BENCH_PORT });
  const serverUrl = given ?? embedded!.adminUrl;
  const version = await withClient(serverUrl, async (client) => (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v);
  return {
    serverUrl,
    description: `PostgreSQL ${version.split(' ')[0]} (${embedded ? 'embedded' : 'DATABASE_URL'})`,
    stop: async () => embedded?.stop(),
  };
}

export interface BenchDatabase {
  /** Owner URL: for loading the rows, never for the services under test. */
  adminUrl: string;
  /** A service's app role URL (haven_<service>), as the service itself connects. */
  appUrl(service: ServiceName): string;
  drop(): Promise<void>;
}

/**
 * A new database with `services` migrated and their app roles granted. The roles' password is set for
 * this run; roles are cluster-wide, so on a server that checks passwords this locks out a test run going
 * on at the same time (as tests/setup/global-setup.ts explains). The machine PostgreSQL trusts local users.
 */
export async function createBenchDatabase(serverUrl: string, password: string, services: readonly ServiceName[]): Promise<BenchDatabase> {
  const name = `haven_bench_${randomBytes(6).toString('hex')}`;
  await createDatabase(serverUrl, name);
  const drop = () => dropDatabase(serverUrl, name);
  const adminUrl = withDatabase(serverUrl, name);
  try {
    await migrateAll({ adminUrl, services, appPasswords: Object.fromEntries(services.map((s) => [s, password])) });
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { adminUrl, appUrl: (service) => appDatabaseUrl(adminUrl, service, password), drop };
}
