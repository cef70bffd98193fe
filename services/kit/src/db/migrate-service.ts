import { randomUUID } from 'node:crypto';
import { Client, escapeIdentifier, type DatabaseError } from 'pg';
import type { Logger } from '../log';
import { migrationLockName, withAdvisoryLock } from './advisory-lock';
import { scriptMatchesChecksum } from './checksum';
import { MigrationError, rolledBackHint } from './migration-error';
import { readMigrations, type MigrationFile } from './migration-files';
import { CREATE_MIGRATIONS_TABLE, isFailed, readMigrationRows, type MigrationRow } from './migrations-table';

export type MigrationLog = Pick<Logger, 'info' | 'warn'>;

export interface MigrateServiceOptions {
  /** Owner/admin role of the database (creates the schema and owns its objects). */
  adminUrl: string;
  /** Service name = PostgreSQL schema the migrations run in (search_path), as `?schema=` does for Prisma. */
  service: string;
  /** prisma/<service>/migrations */
  migrationsDir: string;
  log?: MigrationLog;
}

export interface MigrateServiceResult {
  service: string;
  /** Names of the migrations applied by this run, in order. */
  applied: string[];
  /** How many were already applied before this run. */
  alreadyApplied: number;
}

/**
 * `prisma migrate deploy` for one service, without Prisma's engine (which cannot run here), writing
 * Prisma's own `_prisma_migrations` rows. Differences, on purpose: each migration and its history row
 * commit in one transaction (a failure leaves neither a partial schema change nor a "started" row, only a
 * failed row written after the rollback), and an applied migration whose file changed stops the run.
 * A migration that cannot run inside a transaction (CREATE INDEX CONCURRENTLY) is not supported: split it.
 */
export async function migrateService(options: MigrateServiceOptions): Promise<MigrateServiceResult> {
  const { adminUrl, service, migrationsDir, log } = options;
  const migrations = await readMigrations(migrationsDir);
  const client = new Client({ connectionString: adminUrl, application_name: 'haven-migrate' });
  await client.connect();
  try {
    // Two processes migrating the same database (two replicas starting, two test workers) queue here.
    return await withAdvisoryLock(client, migrationLockName(service), async () => {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${escapeIdentifier(service)}`);
      await client.query(`SET search_path TO ${escapeIdentifier(service)}`);
      await client.query(CREATE_MIGRATIONS_TABLE);
      const rows = await readMigrationRows(client);
      const pending = pendingMigrations(service, migrations, rows, log);
      const applied: string[] = [];
      for (const migration of pending) {
        await applyMigration(client, service, migration);
        applied.push(migration.name);
        log?.info('migration applied', { service, migration: migration.name });
      }
      return { service, applied, alreadyApplied: migrations.length - pending.length };
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Decides what to apply, or stops on a failed or edited migration (naming it). */
function pendingMigrations(service: string, migrations: MigrationFile[], rows: MigrationRow[], log?: MigrationLog): MigrationFile[] {
  const failed = rows.find(isFailed);
  if (failed) {
    throw new MigrationError(
      'FAILED_MIGRATION_PENDING',
      service,
      failed.migration_name,
      `Migration ${service}/${failed.migration_name} failed earlier (started ${failed.started_at.toISOString()}); ` +
        `no further migrations are applied to "${service}" until it is resolved. ${rolledBackHint(service, failed.migration_name)}` +
        (failed.logs ? `\nIts recorded error:\n${failed.logs}` : ''),
    );
  }
  const local = new Set(migrations.map((m) => m.name));
  for (const row of rows) {
    if (row.rolled_back_at === null && !local.has(row.migration_name)) {
      log?.warn('applied migration missing from the migrations directory', { service, migration: row.migration_name });
    }
  }
  const pending: MigrationFile[] = [];
  for (const migration of migrations) {
    const done = rows.find((r) => r.migration_name === migration.name && r.finished_at !== null && r.rolled_back_at === null);
    if (!done) {
      pending.push(migration);
      continue;
    }
    if (!scriptMatchesChecksum(migration.script, done.checksum)) {
      throw new MigrationError(
        'MIGRATION_EDITED',
        service,
        migration.name,
        `Migration ${service}/${migration.name} was modified after it was applied (recorded checksum ${done.checksum}, ` +
          `file checksum ${migration.checksum}). Applied migrations are history: restore the file and put the change ` +
          `in a new migration (\`npm run db:sql -- ${service} --from <old schema.prisma>\` prints its SQL).`,
      );
    }
  }
  return pending;
}

async function applyMigration(client: Client, service: string, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    // Simple-query protocol: the whole file runs as one multi-statement script, like Prisma sends it.
    await client.query(migration.script.toString('utf8'));
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [id, migration.checksum, migration.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const logs = prismaStyleLogs(error);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, applied_steps_count)
       VALUES ($1, $2, $3, $4, 0)`,
      [id, migration.checksum, migration.name, logs],
    );
    throw new MigrationError(
      'MIGRATION_FAILED',
      service,
      migration.name,
      `Migration ${service}/${migration.name} failed and was rolled back; nothing of it was applied.\n${logs}\n` +
        rolledBackHint(service, migration.name),
    );
  }
}

/** The shape Prisma writes into `logs` for a failed migration. */
function prismaStyleLogs(error: unknown): string {
  const db = error as Partial<DatabaseError>;
  if (typeof db.code === 'string') {
    const lines = [`Database error code: ${db.code}`, '', 'Database error:', `ERROR: ${db.message ?? ''}`];
    if (db.detail) lines.push(`DETAIL: ${db.detail}`);
    if (db.hint) lines.push(`HINT: ${db.hint}`);
    if (db.position) lines.push(`Position: ${db.position}`);
    return lines.join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}
