/**
 * `npm run db:migrate` — applies every service's pending migrations and sets up the app roles.
 *
 *   DATABASE_URL            admin/owner URL of the database (required; never the app's own role)
 *   HAVEN_DB_PASSWORD_IDENTITY, HAVEN_DB_PASSWORD_PARTNERS, HAVEN_DB_PASSWORD_CASES, HAVEN_DB_PASSWORD_CONSENT
 *                           each app role's own password (haven_identity …); one that is set is (re)applied on
 *                           every run, one that is unset leaves that role's password as it is. Give each service
 *                           only its own.
 *
 *   npm run db:migrate -- --rolled-back <service>/<migration>
 *       marks a failed migration rolled back (as `prisma migrate resolve --rolled-back` does); run
 *       `npm run db:migrate` again afterwards to apply the fixed migration.
 */
import { appPasswordEnvName, appPasswordsFromEnv, appRoleName } from './app-roles';
import { markRolledBack } from './mark-rolled-back';
import { migrateAll } from './migrate-all';
import { MigrationError } from './migration-error';
import { redactUrl } from './pg-url';
import { isNamespaceName, NAMESPACES, SERVICES } from './services';

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
    if (!service || !migrationName || !isNamespaceName(service)) {
      process.stderr.write(`Usage: npm run db:migrate -- --rolled-back <service>/<migration>  (service: ${NAMESPACES.join(', ')})\n`);
      return 2;
    }
    await markRolledBack({ adminUrl, service, migrationName });
    process.stdout.write(`Marked ${service}/${migrationName} as rolled back. Run \`npm run db:migrate\` to apply it again.\n`);
    return 0;
  }
  const passwords = appPasswordsFromEnv();
  process.stdout.write(`Migrating ${redactUrl(adminUrl)}\n`);
  const log = {
    info: () => undefined,
    warn: (message: string, fields?: Record<string, unknown>) => process.stderr.write(`warning: ${message} ${JSON.stringify(fields ?? {})}\n`),
  };
  const results = await migrateAll({ adminUrl, appPasswords: passwords, log });
  for (const result of results) {
    const applied = result.applied.length ? result.applied.join(', ') : 'nothing new';
    process.stdout.write(`  ${result.service}: ${applied} (${result.alreadyApplied} already applied)\n`);
  }
  const unchanged = SERVICES.filter((s) => !passwords[s]);
  process.stdout.write(
    `App roles ready (${SERVICES.map((s) => appRoleName(s)).join(', ')})` +
      (unchanged.length ? `; passwords unchanged for ${unchanged.map((s) => appRoleName(s)).join(', ')} (${unchanged.map(appPasswordEnvName).join(', ')} not set)` : '') +
      '.\n',
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
