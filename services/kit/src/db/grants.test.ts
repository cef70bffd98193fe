import { Client, escapeIdentifier } from 'pg';
import { createScratchDatabase, testDatabase } from '../testing/db';
import { appRoleName, ensureAppRoles } from './app-roles';
import { TABLE_GRANTS, type TablePrivilege } from './grants';
import { migrateAll } from './migrate-all';
import { withClient } from './with-client';
import { SERVICES } from './services';

const PRIVILEGES: TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/** The tables of each service's schema in a migrated database (the migration history aside). */
async function serviceTables(client: Client): Promise<{ service: string; table: string }[]> {
  const { rows } = await client.query<{ service: string; table: string }>(
    `SELECT schemaname AS service, tablename AS "table" FROM pg_tables
      WHERE schemaname = ANY($1) AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
    [SERVICES],
  );
  return rows;
}

/** What the role may do to the table, as PostgreSQL decides it (own grants and PUBLIC's alike). */
async function heldPrivileges(client: Client, role: string, qualified: string): Promise<TablePrivilege[]> {
  const held: TablePrivilege[] = [];
  for (const privilege of [...PRIVILEGES, 'TRUNCATE', 'REFERENCES', 'TRIGGER'] as const) {
    const { rows } = await client.query<{ ok: boolean }>('SELECT has_table_privilege($1, $2, $3) AS ok', [role, qualified, privilege]);
    if (rows[0]!.ok) held.push(privilege as TablePrivilege);
  }
  return held;
}

describe('the per-table grants (grants.ts)', () => {
  test('name every table of every service schema, and only tables that exist', async () => {
    const tables = await withClient(testDatabase().adminUrl, serviceTables);
    const inDatabase = tables.map(({ service, table }) => `${service}.${table}`).sort();
    const listed = SERVICES.flatMap((service) => Object.keys(TABLE_GRANTS[service]).map((table) => `${service}.${table}`)).sort();
    // A table missing here gets no privileges at all: add it to grants.ts with the privileges its code uses.
    expect(inDatabase.filter((t) => !listed.includes(t))).toEqual([]);
    expect(listed.filter((t) => !inDatabase.includes(t))).toEqual([]);
  });

  test('are exactly what each app role holds, on its own tables, and every entry says why', async () => {
    await withClient(testDatabase().adminUrl, async (client) => {
      for (const { service, table } of await serviceTables(client)) {
        const grant = TABLE_GRANTS[service as (typeof SERVICES)[number]][table]!;
        expect(grant.why.length).toBeGreaterThan(10);
        const qualified = `${escapeIdentifier(service)}.${escapeIdentifier(table)}`;
        expect({ table: `${service}.${table}`, held: await heldPrivileges(client, appRoleName(service), qualified) }).toEqual({
          table: `${service}.${table}`,
          held: PRIVILEGES.filter((p) => grant.privileges.includes(p)),
        });
      }
    });
  });

  test('keep consent records append-only and organisations and users undeletable', () => {
    expect([...TABLE_GRANTS.consent.ConsentRecord!.privileges].sort()).toEqual(['INSERT', 'SELECT']);
    expect(TABLE_GRANTS.identity.Organisation!.privileges).not.toContain('DELETE');
    expect(TABLE_GRANTS.identity.User!.privileges).not.toContain('DELETE');
  });
});

describe('ensureAppRoles applying the grants', () => {
  test('gives a table without an entry nothing, reports it, and takes back privileges granted by hand', async () => {
    const db = await createScratchDatabase('haven_grants');
    try {
      await migrateAll({ adminUrl: db.adminUrl, services: ['consent'] });
      await withClient(db.adminUrl, async (client) => {
        await client.query('CREATE TABLE consent."Unlisted" (id int)');
        await client.query(`GRANT ALL ON consent."ConsentRecord" TO ${appRoleName('consent')}`);
        await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA consent GRANT ALL ON TABLES TO ${appRoleName('consent')}`);
      });
      const warnings: unknown[] = [];
      // No passwords: the run's roles keep theirs.
      const result = await ensureAppRoles({ adminUrl: db.adminUrl, services: ['consent'], log: { warn: (_m, fields) => warnings.push(fields) } });
      expect(result.ungranted).toEqual(['consent.Unlisted']);
      expect(warnings).toEqual([{ table: 'consent.Unlisted' }]);
      await withClient(db.adminUrl, async (client) => {
        expect(await heldPrivileges(client, appRoleName('consent'), 'consent."Unlisted"')).toEqual([]);
        expect(await heldPrivileges(client, appRoleName('consent'), 'consent."ConsentRecord"')).toEqual(['SELECT', 'INSERT']);
        // A table created after the run gets nothing either (no default privileges left).
        await client.query('CREATE TABLE consent."Later" (id int)');
        expect(await heldPrivileges(client, appRoleName('consent'), 'consent."Later"')).toEqual([]);
      });
    } finally {
      await db.drop();
    }
  });
});
