import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Client, escapeIdentifier } from 'pg';
import { compareCatalogs, readSchemaCatalog } from './catalog';
import { prismaMigrationSql } from './prisma6-sql';
import { schemaFileFor } from './services';

export interface SchemaDriftOptions {
  /** Owner/admin URL of the database holding the migrated schema. */
  adminUrl: string;
  /** The service = the migrated PostgreSQL schema to check. */
  service: string;
  /** Defaults to prisma/<service>/schema.prisma. */
  schemaFile?: string;
}

/**
 * Proves that a migrated schema is what schema.prisma describes, and lists the differences when not
 * (empty = match). Approach: Prisma 6 prints the from-empty SQL of schema.prisma; that SQL runs in a
 * scratch schema of the same database (same server version, same rendering by pg_get_*def); then the two
 * catalogs are compared: tables, columns (type, nullability, default), constraints (primary keys, unique,
 * foreign keys with their actions), indexes, enums with their labels and sequences. `_prisma_migrations`
 * is ignored. The scratch schema lives only inside a transaction that is always rolled back, so nothing
 * is left behind, even when the process dies.
 *
 * Why not diff SQL text or ask Prisma to introspect: Prisma 6's engine cannot introspect through adapter-pg
 * (prisma/orm#27403), and comparing the migrations' SQL to a fresh script misses hand-made changes to the
 * database, which is the drift that matters.
 */
export async function checkSchemaDrift(options: SchemaDriftOptions): Promise<string[]> {
  const { adminUrl, service } = options;
  const scratch = `haven_drift_${randomBytes(6).toString('hex')}`;
  const template = await expectedSql(options.schemaFile ?? schemaFileFor(service), adminUrl);
  const sql = template.split(PLACEHOLDER).join(scratch);
  const client = new Client({ connectionString: adminUrl, application_name: 'haven-drift-check' });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [service]);
    if (!exists.rowCount) return [`schema "${service}" does not exist in the database (not migrated)`];
    await client.query('BEGIN');
    try {
      await client.query(`CREATE SCHEMA ${escapeIdentifier(scratch)}`);
      await client.query(`SET LOCAL search_path TO ${escapeIdentifier(scratch)}`);
      await client.query(sql);
      const expected = await readSchemaCatalog(client, scratch);
      const actual = await readSchemaCatalog(client, service);
      return compareCatalogs(expected, actual);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

const PLACEHOLDER = '__haven_drift_scratch__';
const sqlBySchema = new Map<string, Promise<string>>();

/** Prisma's from-empty SQL for a schema, once per process and schema content (the CLI takes seconds). */
async function expectedSql(schemaFile: string, adapterUrl: string): Promise<string> {
  const key = createHash('sha256').update(await readFile(schemaFile)).digest('hex');
  let sql = sqlBySchema.get(key);
  if (!sql) {
    sql = prismaMigrationSql({ schemaFile, namespace: PLACEHOLDER, adapterUrl });
    sql.catch(() => sqlBySchema.delete(key));
    sqlBySchema.set(key, sql);
  }
  return sql;
}
