import type { ClientBase } from 'pg';

/** Prisma's own DDL for its history table, so `prisma migrate` tooling reads and writes the same rows. */
export const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

/** Expects search_path to point at the service's schema. */
export async function readMigrationRows(client: ClientBase): Promise<MigrationRow[]> {
  const { rows } = await client.query<MigrationRow>('SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name');
  return rows;
}

/** A row that neither finished nor was marked rolled back: Prisma's "failed migration" (P3009). */
export function isFailed(row: MigrationRow): boolean {
  return row.finished_at === null && row.rolled_back_at === null;
}
