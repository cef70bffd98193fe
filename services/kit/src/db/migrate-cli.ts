/**
 * `npm run db:migrate` — applies every service's pending migrations and sets up the app roles.
 *
 *   DATABASE_URL            admin/owner URL of the database (required; never the app's own role)
 *   HAVEN_DB_APP_PASSWORD   password for the haven_<service> app roles; when set, (re)applied on every run
 *                           (the start script passes the one it generated). When unset, role passwords are
 *                           left as they are.
 *
 *   npm run db:migrate -- --rolled-back <service>/<migration>
 *       marks a failed migration rolled back (as `prisma migrate resolve --rolled-back` does); run
 *       `npm run db:migrate` again afterwards to apply the fixed migration.
 */
import { markRolledBack } from './mark-rolled-back';
import { migrateAll } from './migrate-all';
import { MigrationError } from './migration-error';
import { redactUrl } from './pg-url';
import { isServiceName, SERVICES } from './services';

async function main(argv: string[]): Promise<number> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    process.stderr.write('DATABASE_URL is not set: give the admin/owner URL of the database to migrate.\n');
    return 2;
  }
  const flag = argv.indexOf('--rolled-back');
  if (flag >= 0) {
    const target = argv[flag + 1] ?? '';
    const [service, migrationName] = target.split('/');
    if (!service || !migrationName || !isServiceName(service)) {
      process.stderr.write(`Usage: npm run db:migrate -- --rolled-back <service>/<migration>  (service: ${SERVICES.join(', ')})\n`);
      return 2;
    }
    await markRolledBack({ adminUrl, service, migrationName });
    process.stdout.write(`Marked ${service}/${migrationName} as rolled back. Run \`npm run db:migrate\` to apply it again.\n`);
    return 0;
  }
  const password = process.env.HAVEN_DB_APP_PASSWORD || undefined;
  process.stdout.write(`Migrating ${redactUrl(adminUrl)}\n`);
  const results = await migrateAll({ adminUrl, appPassword: password });
  for (const result of results) {
    const applied = result.applied.length ? result.applied.join(', ') : 'nothing new';
    process.stdout.write(`  ${result.service}: ${applied} (${result.alreadyApplied} already applied)\n`);
  }
  process.stdout.write(
    `App roles ready (${SERVICES.map((s) => `haven_${s}`).join(', ')})${password ? '' : '; passwords unchanged (HAVEN_DB_APP_PASSWORD not set)'}.\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof MigrationError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
