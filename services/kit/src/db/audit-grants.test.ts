import { escapeIdentifier } from 'pg';
import { createScratchDatabase, testDatabase } from '../testing/db';
import { appRoleName, ensureAppRoles } from './app-roles';
import { SHARED_TABLE_GRANTS } from './audit-grants';
import { migrateAll } from './migrate-all';
import { SERVICES, SHARED_NAMESPACES } from './services';
import { withClient } from './with-client';

const ALL = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'] as const;

async function held(url: string, role: string, qualified: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const privileges: string[] = [];
    for (const privilege of ALL) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT has_table_privilege($1, $2, $3) AS ok', [role, qualified, privilege]);
      if (rows[0]!.ok) privileges.push(privilege);
    }
    return privileges;
  });
}

async function sharedTables(url: string): Promise<{ namespace: string; table: string }[]> {
  const { rows } = await withClient(url, (client) =>
    client.query<{ namespace: string; table: string }>(
      `SELECT schemaname AS namespace, tablename AS "table" FROM pg_tables
        WHERE schemaname = ANY($1) AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
      [SHARED_NAMESPACES],
    ),
  );
  return rows;
}

describe('the shared namespaces grants (audit-grants.ts)', () => {
  test('name every table of the shared namespaces, and only tables that exist', async () => {
    const inDatabase = (await sharedTables(testDatabase().adminUrl)).map((t) => `${t.namespace}.${t.table}`);
    const listed = SHARED_NAMESPACES.flatMap((ns) => Object.keys(SHARED_TABLE_GRANTS[ns]).map((table) => `${ns}.${table}`));
    expect(inDatabase.sort()).toEqual(listed.sort());
  });

  test('are exactly what each service role holds there, with a reason each', async () => {
    const url = testDatabase().adminUrl;
    for (const { namespace, table } of await sharedTables(url)) {
      for (const service of SERVICES) {
        const grant = SHARED_TABLE_GRANTS[namespace as 'audit'][table]![service];
        expect(grant.why.length).toBeGreaterThan(10);
        const qualified = `${escapeIdentifier(namespace)}.${escapeIdentifier(table)}`;
        expect({ service, held: await held(url, appRoleName(service), qualified) }).toEqual({
          service,
          held: ALL.filter((p) => (grant.privileges as readonly string[]).includes(p)),
        });
      }
    }
  });

  test('keep the audit log append-only for every role and readable by identity alone', () => {
    for (const service of SERVICES) {
      const privileges = SHARED_TABLE_GRANTS.audit.AuditEvent![service].privileges;
      expect(privileges).toContain('INSERT');
      expect(privileges).not.toContain('UPDATE');
      expect(privileges).not.toContain('DELETE');
      expect(privileges.includes('SELECT')).toBe(service === 'identity');
    }
  });

  test('give an unlisted audit table nothing, report it, and take back what was granted by hand', async () => {
    const db = await createScratchDatabase('haven_audit_grants');
    try {
      await migrateAll({ adminUrl: db.adminUrl, services: ['consent'] });
      await withClient(db.adminUrl, async (client) => {
        await client.query('CREATE TABLE audit."Unlisted" (id int)');
        await client.query(`GRANT ALL ON audit."AuditEvent" TO ${appRoleName('consent')}`);
      });
      const result = await ensureAppRoles({ adminUrl: db.adminUrl, services: ['consent'] });
      expect(result.ungranted).toEqual(['audit.Unlisted']);
      expect(await held(db.adminUrl, appRoleName('consent'), 'audit."Unlisted"')).toEqual([]);
      expect(await held(db.adminUrl, appRoleName('consent'), 'audit."AuditEvent"')).toEqual(['INSERT']);
    } finally {
      await db.drop();
    }
  });
});
