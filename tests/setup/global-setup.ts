import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { appDatabaseUrl, type AppRolePasswords } from '../../services/kit/src/db/app-roles';
import { createDatabase, dropDatabase } from '../../services/kit/src/db/databases';
import { startEmbeddedPostgres } from '../../services/kit/src/db/embedded';
import { migrateAll } from '../../services/kit/src/db/migrate-all';
import { withDatabase } from '../../services/kit/src/db/pg-url';
import { REPO_ROOT, SERVICES } from '../../services/kit/src/db/services';
import { setTestRun } from './test-run';

/** The embedded test server's port: neither 5432 (the machine's) nor 54329 (`npm start`'s). */
const TEST_PORT = Number(process.env.HAVEN_TEST_PG_PORT ?? 54330);

/**
 * Once per Jest run: a server (DATABASE_URL = admin URL of a test server, else an embedded PostgreSQL in
 * .haven-test/pg), a fresh database `haven_test_<random>` with all four services migrated, and the app
 * roles, each with its own random password for this run. Tests read the URLs through
 * services/kit/src/testing/db.ts; workers inherit these environment variables because they start after this runs.
 *
 * Limitation: roles are cluster-wide, so every run sets the passwords of the same four roles. Two runs at the
 * same time on one server that checks passwords lock each other's roles out — the embedded one too (a second
 * `npx jest` reuses the first one's server in .haven-test/pg). The machine PostgreSQL (trust auth) does not
 * check them, so concurrent runs there are fine. Elsewhere: one run at a time per server.
 */
export default async function globalSetup(): Promise<void> {
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(REPO_ROOT, '.haven-test', 'pg'), port: TEST_PORT });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.adminUrl;
  const database = `haven_test_${randomBytes(6).toString('hex')}`;
  setTestRun({ serverUrl, database, embedded });
  await createDatabase(serverUrl, database);
  const adminUrl = withDatabase(serverUrl, database);
  const passwords = Object.fromEntries(SERVICES.map((s) => [s, randomBytes(18).toString('base64url')])) as Required<AppRolePasswords>;
  try {
    await migrateAll({ adminUrl, appPasswords: passwords });
  } catch (error) {
    await dropDatabase(serverUrl, database).catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
  process.env.HAVEN_TEST_SERVER_URL = serverUrl;
  process.env.HAVEN_TEST_ADMIN_URL = adminUrl;
  for (const service of SERVICES) {
    process.env[`HAVEN_TEST_APP_URL_${service.toUpperCase()}`] = appDatabaseUrl(adminUrl, service, passwords[service]);
  }
}
