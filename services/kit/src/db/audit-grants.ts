import { escapeIdentifier, type ClientBase } from 'pg';
import type { TableGrant } from './grants';
import type { ServiceName, SharedNamespace } from './services';

/**
 * What each service's app role may do in the shared namespaces (services.ts SHARED_NAMESPACES), which have no
 * role of their own. Same rules as grants.ts: fail closed (a table without an entry gets nothing, is reported,
 * and grants.test.ts fails), and every entry says why.
 */
export const SHARED_TABLE_GRANTS: Readonly<
  Record<SharedNamespace, Readonly<Record<string, Readonly<Record<ServiceName, TableGrant>>>>>
> = {
  audit: {
    AuditEvent: {
      identity: {
        privileges: ['SELECT', 'INSERT'],
        why:
          'Writes its own events (writeAuditEvents, no RETURNING) and serves the auditors and the case access log, ' +
          'so it alone reads them. Never UPDATE/DELETE: the log is evidence (the trigger refuses them even to the owner).',
      },
      partners: {
        privileges: ['INSERT'],
        why: 'Writes its events inside its own transactions (writeAuditEvents, no RETURNING); reading them is for auditors, through identity.',
      },
      cases: {
        privileges: ['INSERT'],
        why: 'Writes every read of personal data and each referral step (writeAuditEvents, no RETURNING); never reads the log back.',
      },
      consent: {
        privileges: ['INSERT'],
        why: 'Writes consent recorded/withdrawn events (writeAuditEvents, no RETURNING); never reads the log back.',
      },
    },
  },
};

/**
 * Functions of the audit namespace a role may call: verification (verifyAuditChain, run by identity for
 * auditors) recomputes hashes with audit.event_digest. The chain trigger needs no grant: it runs as its owner.
 */
const SHARED_FUNCTION_GRANTS: Readonly<Record<SharedNamespace, Readonly<Partial<Record<ServiceName, readonly string[]>>>>> = {
  audit: {
    identity: ['"audit"."genesis_hash"()', '"audit"."event_digest"("audit"."AuditEvent")'],
  },
};

export function sharedTableGrant(namespace: SharedNamespace, table: string, service: ServiceName): TableGrant | undefined {
  const tables = SHARED_TABLE_GRANTS[namespace] as Record<string, Record<ServiceName, TableGrant>>;
  return Object.prototype.hasOwnProperty.call(tables, table) ? tables[table]![service] : undefined;
}

/**
 * The services' privileges in one shared namespace, from nothing (inside ensureAppRoles' transaction).
 * Returns `<namespace>.<table>` of tables without an entry. A namespace not migrated yet is skipped.
 */
export async function grantSharedNamespace(
  client: ClientBase,
  namespace: SharedNamespace,
  services: readonly ServiceName[],
  roleOf: (service: ServiceName) => string,
): Promise<string[]> {
  const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [namespace]);
  if (!exists.rowCount) return [];
  const schema = escapeIdentifier(namespace);
  const tables = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    [namespace],
  );
  const listed = SHARED_TABLE_GRANTS[namespace] as Record<string, unknown>;
  const ungranted = tables.rows.filter(({ name }) => !Object.prototype.hasOwnProperty.call(listed, name)).map(({ name }) => `${namespace}.${name}`);
  for (const service of services) {
    const role = escapeIdentifier(roleOf(service));
    await client.query(`REVOKE ALL ON SCHEMA ${schema} FROM ${role}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${role}`);
    await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${role}`);
    await client.query(`REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ${schema} FROM ${role}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE ALL ON TABLES FROM ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
    for (const { name } of tables.rows) {
      const grant = sharedTableGrant(namespace, name, service);
      if (grant) await client.query(`GRANT ${grant.privileges.join(', ')} ON ${schema}.${escapeIdentifier(name)} TO ${role}`);
    }
    for (const fn of SHARED_FUNCTION_GRANTS[namespace][service] ?? []) {
      await client.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${role}`);
    }
  }
  return ungranted;
}
