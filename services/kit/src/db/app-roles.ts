import { Client, escapeIdentifier, escapeLiteral, type ClientBase } from 'pg';
import { SERVICES } from './services';
import { withCredentials } from './pg-url';

/** The application's role for a service: `haven_<service>`. Cluster-wide, like every PostgreSQL role. */
export function appRoleName(service: string): string {
  return `haven_${service}`;
}

/** The app role's URL for the same host, port, database and parameters as the admin URL. */
export function appDatabaseUrl(adminUrl: string, service: string, password: string): string {
  return withCredentials(adminUrl, appRoleName(service), password);
}

export interface EnsureAppRolesOptions {
  /** Owner/admin role of the database; the schemas' tables belong to it. */
  adminUrl: string;
  services?: readonly string[];
  /**
   * The app roles' password (the same for each service's role). When given it is (re)set on every run, so
   * the caller's password is the one that works; when omitted, existing passwords are left alone and a new
   * role gets none (cannot log in by password until one is set).
   */
  password?: string;
}

/**
 * Makes each service's app role exist and hold exactly what the service needs in this database:
 * USAGE on its own schema (never CREATE), DML on its tables, USAGE/SELECT on its sequences, the same for
 * tables the owner creates later, nothing on the other services' schemas and nothing on the migration
 * history. Safe to run again and concurrently, also from other databases of the same server (roles are
 * cluster-wide, grants are per database). Run it after the migrations.
 */
export async function ensureAppRoles(options: EnsureAppRolesOptions): Promise<void> {
  const services = options.services ?? SERVICES;
  const client = new Client({ connectionString: options.adminUrl, application_name: 'haven-migrate' });
  await client.connect();
  try {
    for (const service of services) {
      await retryOnCatalogRace(() => ensureRole(client, appRoleName(service), options.password));
    }
    await retryOnCatalogRace(async () => {
      await client.query('BEGIN');
      try {
        // Concurrent GRANTs on one object fail with "tuple concurrently updated": serialise per database.
        await client.query(`SELECT pg_advisory_xact_lock(hashtext('haven:grants'))`);
        for (const service of services) await grantServicePrivileges(client, service, services);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  } finally {
    await client.end().catch(() => undefined);
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

async function grantServicePrivileges(client: ClientBase, service: string, services: readonly string[]): Promise<void> {
  const role = escapeIdentifier(appRoleName(service));
  const schema = escapeIdentifier(service);
  const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
  await client.query(`GRANT CONNECT ON DATABASE ${escapeIdentifier(rows[0]!.db)} TO ${role}`);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await client.query(`REVOKE CREATE ON SCHEMA ${schema} FROM ${role}`);
  await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`);
  await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`);
  await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);
  // The app reads and writes its data, never its migration history.
  const history = await client.query(`SELECT to_regclass($1) AS t`, [`${schema}."_prisma_migrations"`]);
  if (history.rows[0]?.t) await client.query(`REVOKE ALL ON ${schema}."_prisma_migrations" FROM ${role}`);
  // Nothing on the other services' schemas, even if someone granted it by hand.
  for (const other of services) {
    if (other === service) continue;
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [other]);
    if (exists.rowCount) {
      await client.query(`REVOKE ALL ON SCHEMA ${escapeIdentifier(other)} FROM ${role}`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${escapeIdentifier(other)} FROM ${role}`);
    }
  }
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
