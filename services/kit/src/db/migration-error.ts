export type MigrationErrorCode =
  /** A migration failed just now; it is recorded as failed and its changes were rolled back. */
  | 'MIGRATION_FAILED'
  /** A migration recorded as failed earlier blocks further migrations until it is marked rolled back. */
  | 'FAILED_MIGRATION_PENDING'
  /** An applied migration's file changed afterwards. */
  | 'MIGRATION_EDITED'
  /** `--rolled-back` named a migration that has no failed row. */
  | 'NOT_A_FAILED_MIGRATION';

export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    readonly service: string,
    readonly migrationName: string,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function rolledBackHint(service: string, migrationName: string): string {
  return (
    `Fix the cause (or the migration, if it was never applied anywhere), then mark it rolled back with ` +
    `\`npm run db:migrate -- --rolled-back ${service}/${migrationName}\` ` +
    `(what \`prisma migrate resolve --rolled-back ${migrationName}\` does) and migrate again.`
  );
}
