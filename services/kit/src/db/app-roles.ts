import { Client, escapeIdentifier, escapeLiteral, type ClientBase } from 'pg';
import type { Logger } from '../log';
import { grantSharedNamespace } from './audit-grants';
import { tableGrant } from './grants';
import { withCredentials } from './pg-url';
import { SERVICES, SHARED_NAMESPACES, type ServiceName } from './services';

/** The application's role for a service: `haven_<service>`. Cluster-wide, like every PostgreSQL role. */
export function appRoleName(service: string): string {
  return `haven_${service}`;
}

/** The app role's URL for the same host, port, database and parameters as the admin URL. */
export function appDatabaseUrl(adminUrl: string, service: string, password: string): string {
  return withCredentials(adminUrl, appRoleName(service), password);
}

/** One password per service role; a service missing here keeps the password its role has. */
export type AppRolePasswords = Partial<Record<ServiceName, string>>;

/** The environment variable holding a service role's password: HAVEN_DB_PASSWORD_<SERVICE>. */
export function appPasswordEnvName(service: ServiceName): string {
  return `HAVEN_DB_PASSWORD_${service.toUpperCase()}`;
}

/** The passwords set in `env` (HAVEN_DB_PASSWORD_IDENTITY …); unset or empty ones are left out. */
export function appPasswordsFromEnv(env: NodeJS.ProcessEnv = process.env, services: readonly ServiceName[] = SERVICES): AppRolePasswords {
  const passwords: AppRolePasswords = {};
  for (const service of services) {
    const value = env[appPasswordEnvName(service)];
    if (value) passwords[service] = value;
  }
  return passwords;
}

export interface EnsureAppRolesOptions {
  /** Owner/admin role of the database; the schemas' tables belong to it. */
  adminUrl: string;
  services?: readonly ServiceName[];
  /**
   * Each role's own password (never shared: one leaked service credential must not open the others' data).
   * A password given is (re)set on every run, so the caller's password is the one that works; a service left
   * out keeps its role's password, and a new role created without one cannot log in by password until one is set.
   *
   * Roles are cluster-wide: two runs that set different passwords for the same role on one server (e.g. two
   * concurrent test runs on one server) lock each other out when the server checks passwords (see
   * tests/setup/global-setup.ts); a server with trust auth, like the machine PostgreSQL of CI, does not care.
   */
  passwords?: AppRolePasswords;
  /** Where to report tables that have no entry in grants.ts (and so get no privileges). */
  log?: Pick<Logger, 'warn'>;
}

export interface EnsureAppRolesResult {
  /** `<schema>.<table>` of service tables without an entry in TABLE_GRANTS: their app role has no access. */
  ungranted: string[];
}

/**
 * Makes each service's app role exist and hold exactly what the service needs in this database:
 * USAGE on its own schema (never CREATE), per table exactly the privileges of TABLE_GRANTS (grants.ts; a
 * table without an entry gets none), USAGE/SELECT on its sequences, nothing on the other services'
 * schemas, nothing on the migration history, no temporary tables. Whatever was granted before (also by
 * hand, or by older versions of this code) is revoked first, in the same transaction. Safe to run again
 * and concurrently, also from other databases of the same server (roles are cluster-wide, grants are per
 * database). Run it after the migrations: tables created later get nothing until it runs again.
 */
export async function ensureAppRoles(options: EnsureAppRolesOptions): Promise<EnsureAppRolesResult> {
  const services = options.services ?? SERVICES;
  const client = new Client({ connectionString: options.adminUrl, application_name: 'haven-migrate' });
  await client.connect();
  const ungranted: string[] = [];
  try {
    for (const service of services) {
      await retryOnCatalogRace(() => ensureRole(client, appRoleName(service), options.passwords?.[service]));
    }
    await retryOnCatalogRace(async () => {
      ungranted.length = 0;
      await client.query('BEGIN');
      try {
        // Concurrent GRANTs on one object fail with "tuple concurrently updated": serialise per database.
        await client.query(`SELECT pg_advisory_xact_lock(hashtext('haven:grants'))`);
        await restrictPublic(client);
        for (const service of services) ungranted.push(...(await grantServicePrivileges(client, service, services)));
        // The shared namespaces (audit): every service's role writes there, none owns it (audit-grants.ts).
        for (const namespace of SHARED_NAMESPACES) ungranted.push(...(await grantSharedNamespace(client, namespace, services, appRoleName)));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  } finally {
    await client.end().catch(() => undefined);
  }
  for (const table of ungranted) {
    options.log?.warn('table has no entry in services/kit/src/db/grants.ts: its app role gets no privileges on it', { table });
  }
  return { ungranted };
}

/**
 * What every role (PUBLIC) may do in this database by default, taken away: temporary tables (a place to
 * stage or hide data outside every grant) and, on PostgreSQL 14 and older, CREATE in the public schema (15
 * dropped that default). Nothing is granted back: no Haven role needs either.
 */
async function restrictPublic(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ db: string; version: number }>(
    `SELECT current_database() AS db, current_setting('server_version_num')::int AS version`,
  );
  await client.query(`REVOKE TEMPORARY ON DATABASE ${escapeIdentifier(rows[0]!.db)} FROM PUBLIC`);
  if (rows[0]!.version < 150000) {
    const publicSchema = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'public'`);
    if (publicSchema.rowCount) await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  }
}

interface RoleRow {
  rolsuper: boolean;
  rolcreatedb: boolean;
  rolcreaterole: boolean;
  rolreplication: boolean;
  rolbypassrls: boolean;
  rolcanlogin: boolean;
}

async function ensureRole(client: ClientBase, role: string, password: string | undefined): Promise<void> {
  const name = escapeIdentifier(role);
  const passwordClause = password === undefined ? '' : ` PASSWORD ${escapeLiteral(password)}`;
  const { rows } = await client.query<RoleRow>(
    'SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = $1',
    [role],
  );
  const existing = rows[0];
  if (!existing) {
    await client.query(`CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${passwordClause}`);
    return;
  }
  // Only name the attributes that are wrong: a non-superuser admin may not even mention SUPERUSER.
  const fixes = [
    existing.rolsuper && 'NOSUPERUSER',
    existing.rolcreatedb && 'NOCREATEDB',
    existing.rolcreaterole && 'NOCREATEROLE',
    existing.rolreplication && 'NOREPLICATION',
    existing.rolbypassrls && 'NOBYPASSRLS',
    !existing.rolcanlogin && 'LOGIN',
  ].filter((x): x is string => typeof x === 'string');
  if (fixes.length > 0 || passwordClause) {
    await client.query(`ALTER ROLE ${name} ${fixes.join(' ')}${passwordClause}`);
  }
}

/** The service's privileges, from nothing; returns the tables that got none for want of a TABLE_GRANTS entry. */
async function grantServicePrivileges(client: ClientBase, service: ServiceName, services: readonly ServiceName[]): Promise<string[]> {
  const role = escapeIdentifier(appRoleName(service));
  const schema = escapeIdentifier(service);
  const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
  const database = escapeIdentifier(rows[0]!.db);
  await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${role}`);
  // Granted to the role itself (not only through PUBLIC) it would survive restrictPublic.
  await client.query(`REVOKE TEMPORARY ON DATABASE ${database} FROM ${role}`);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await client.query(`REVOKE CREATE ON SCHEMA ${schema} FROM ${role}`);
  await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
  // Start from nothing: whatever was granted before (by hand, or the blanket DML of earlier versions,
  // including their default privileges for future tables) goes, so only TABLE_GRANTS remains. One transaction:
  // the running service never sees the gap. The migration history is in the schema but never granted.
  await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${role}`);
  await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE ALL ON TABLES FROM ${role}`);
  const tables = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    [service],
  );
  const ungranted: string[] = [];
  for (const { name } of tables.rows) {
    const grant = tableGrant(service, name);
    if (!grant) {
      ungranted.push(`${service}.${name}`);
      continue;
    }
    await client.query(`GRANT ${grant.privileges.join(', ')} ON ${schema}.${escapeIdentifier(name)} TO ${role}`);
  }
  // Sequences (serial/identity columns) only hand out numbers; an INSERT that uses one needs them.
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`);
  await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);
  // Nothing on the other services' schemas, even if someone granted it by hand.
  for (const other of services) {
    if (other === service) continue;
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [other]);
    if (exists.rowCount) {
      await client.query(`REVOKE ALL ON SCHEMA ${escapeIdentifier(other)} FROM ${role}`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${escapeIdentifier(other)} FROM ${role}`);
    }
  }
  return ungranted;
}

const RACE_CODES = new Set(['23505', '42710', '40001', '40P01']);

/**
 * Two runs (two test databases on one server) creating or altering the same cluster-wide role race in the
 * shared catalog: the loser sees unique_violation / duplicate_object, or "tuple concurrently updated".
 * Advisory locks cannot help across databases, so retry: the second attempt finds the role.
 */
async function retryOnCatalogRace(work: () => Promise<void>, attempts = 6): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      const race = (code !== undefined && RACE_CODES.has(code)) || /tuple concurrently (updated|deleted)/.test(message ?? '');
      if (!race || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 30)));
    }
  }
}
