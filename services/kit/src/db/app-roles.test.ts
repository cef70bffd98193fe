import { createScratchDatabase, testDatabase } from '../testing/db';
import { appDatabaseUrl, appRoleName, ensureAppRoles } from './app-roles';
import { migrateAll } from './migrate-all';
import { withClient } from './with-client';
import { SERVICES, type ServiceName } from './services';

async function sqlState(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: { code?: string }) => error.code ?? 'no code',
  );
}

const INSUFFICIENT_PRIVILEGE = '42501';

describe("a service's app role", () => {
  const identityUrl = () => testDatabase().appUrl('identity');

  test('logs in as haven_<service> and is neither superuser nor able to create roles or databases', async () => {
    for (const service of SERVICES) {
      const row = await withClient(testDatabase().appUrl(service), async (c) =>
        (await c.query('SELECT current_user AS name, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user')).rows[0],
      );
      expect(row).toEqual({ name: appRoleName(service), rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolreplication: false, rolbypassrls: false });
    }
  });

  test('reads and writes its own tables', async () => {
    const rows = await withClient(identityUrl(), async (c) => {
      await c.query('BEGIN');
      await c.query(
        `INSERT INTO identity."Organisation" (id, name, kind, "updatedAt") VALUES (gen_random_uuid(), 'Role Test Org ' || gen_random_uuid(), 'PARTNER', now())`,
      );
      const result = await c.query(`SELECT count(*)::int AS n FROM identity."Organisation" WHERE name LIKE 'Role Test Org %'`);
      await c.query('ROLLBACK');
      return result.rows;
    });
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
  });

  test('cannot create a table, in its own schema or in public', async () => {
    await withClient(identityUrl(), async (c) => {
      expect(await sqlState(c.query('CREATE TABLE identity."Sneaky" (id int)'))).toBe(INSUFFICIENT_PRIVILEGE);
      const { rows } = await c.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`);
      // PostgreSQL 15 took CREATE on public away from everyone; older servers still grant it to PUBLIC.
      if (rows[0]!.v >= 150000) expect(await sqlState(c.query('CREATE TABLE public."Sneaky" (id int)'))).toBe(INSUFFICIENT_PRIVILEGE);
    });
  });

  test('cannot create temporary tables', async () => {
    for (const service of SERVICES) {
      await withClient(testDatabase().appUrl(service), async (c) => {
        expect(await sqlState(c.query('CREATE TEMPORARY TABLE "Staging" (id int)'))).toBe(INSUFFICIENT_PRIVILEGE);
      });
    }
  });

  test("consent's role reads and adds consent records but cannot change or remove one", async () => {
    await withClient(testDatabase().appUrl('consent'), async (c) => {
      await c.query('SELECT count(*) FROM consent."ConsentRecord"');
      // Denied on privileges before any row is looked at, so no record needs to exist.
      expect(await sqlState(c.query(`UPDATE consent."ConsentRecord" SET status = 'WITHDRAWN'`))).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlState(c.query('DELETE FROM consent."ConsentRecord"'))).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlState(c.query('TRUNCATE consent."ConsentRecord"'))).toBe(INSUFFICIENT_PRIVILEGE);
    });
  });

  test("identity's role cannot delete an organisation or a user (they are deactivated)", async () => {
    await withClient(identityUrl(), async (c) => {
      expect(await sqlState(c.query('DELETE FROM identity."Organisation"'))).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlState(c.query('DELETE FROM identity."User"'))).toBe(INSUFFICIENT_PRIVILEGE);
    });
  });

  test("cannot read another service's schema", async () => {
    await withClient(identityUrl(), async (c) => {
      for (const other of SERVICES.filter((s) => s !== 'identity')) {
        expect(await sqlState(c.query(`SELECT * FROM ${other}."_prisma_migrations" LIMIT 1`))).toBe(INSUFFICIENT_PRIVILEGE);
      }
    });
    await withClient(testDatabase().appUrl('cases'), async (c) => {
      expect(await sqlState(c.query('SELECT * FROM identity."User" LIMIT 1'))).toBe(INSUFFICIENT_PRIVILEGE);
    });
  });

  test('cannot read or change its migration history', async () => {
    await withClient(identityUrl(), async (c) => {
      expect(await sqlState(c.query('SELECT * FROM identity."_prisma_migrations"'))).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlState(c.query('DELETE FROM identity."_prisma_migrations"'))).toBe(INSUFFICIENT_PRIVILEGE);
    });
  });
});

/** The run's own password of a role (roles are cluster-wide: other test files log in with it meanwhile). */
const runPassword = (service: ServiceName) => decodeURIComponent(new URL(testDatabase().appUrl(service)).password);

describe('ensureAppRoles', () => {
  test('gives every service role its own password', () => {
    expect(new Set(SERVICES.map(runPassword)).size).toBe(SERVICES.length);
  });

  test('is safe to run again and concurrently, also on another database of the same server', async () => {
    const passwords = Object.fromEntries(SERVICES.map((s) => [s, runPassword(s)]));
    const db = await createScratchDatabase();
    try {
      await migrateAll({ adminUrl: db.adminUrl });
      await Promise.all([
        ensureAppRoles({ adminUrl: db.adminUrl, passwords }),
        ensureAppRoles({ adminUrl: db.adminUrl, passwords }),
        ensureAppRoles({ adminUrl: testDatabase().adminUrl, passwords }),
      ]);
      const count = await withClient(appDatabaseUrl(db.adminUrl, 'partners', runPassword('partners')), async (c) =>
        (await c.query('SELECT count(*)::int AS n FROM partners."Service"')).rows[0],
      );
      expect(count).toEqual({ n: 0 });
    } finally {
      await db.drop();
    }
  });

  test("sets only the passwords it is given: another role's password stays as it was", async () => {
    await ensureAppRoles({ adminUrl: testDatabase().adminUrl, passwords: { identity: runPassword('identity') } });
    for (const service of SERVICES) {
      const user = await withClient(testDatabase().appUrl(service), async (c) => (await c.query('SELECT current_user AS u')).rows[0].u);
      expect(user).toBe(appRoleName(service));
    }
  });
});
