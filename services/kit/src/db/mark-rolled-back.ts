import { Client, escapeIdentifier } from 'pg';
import { migrationLockName, withAdvisoryLock } from './advisory-lock';
import { MigrationError } from './migration-error';

/**
 * `prisma migrate resolve --rolled-back <name>`: marks a failed migration as rolled back so the next run
 * applies it again (its fixed version). Only a failed row qualifies, as in Prisma.
 */
export async function markRolledBack(options: { adminUrl: string; service: string; migrationName: string }): Promise<void> {
  const { adminUrl, service, migrationName } = options;
  const client = new Client({ connectionString: adminUrl, application_name: 'haven-migrate' });
  await client.connect();
  try {
    await withAdvisoryLock(client, migrationLockName(service), async () => {
      const { rowCount } = await client.query(
        `UPDATE ${escapeIdentifier(service)}."_prisma_migrations" SET rolled_back_at = now()
         WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL`,
        [migrationName],
      ).catch((error: { code?: string }) => {
        if (error.code === '42P01' || error.code === '3F000') return { rowCount: 0 };
        throw error;
      });
      if (!rowCount) {
        throw new MigrationError(
          'NOT_A_FAILED_MIGRATION',
          service,
          migrationName,
          `Migration ${service}/${migrationName} is not recorded as failed in "${service}"; nothing to mark rolled back.`,
        );
      }
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}
