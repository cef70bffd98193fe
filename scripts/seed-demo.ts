/**
 * `npm run db:seed` — seeds the demo network into an existing, migrated database when it holds no
 * organisations yet (`npm start` does this by itself on the embedded database).
 *
 *   DATABASE_URL            the database's admin/owner URL (as for `npm run db:migrate`)
 *   HAVEN_DB_APP_PASSWORD   optional: seed through the services' own roles (haven_identity, haven_partners)
 *                           instead of the admin role
 */
import { appDatabaseUrl } from '@haven/kit/src/db/app-roles';
import { redactUrl } from '@haven/kit/src/db/pg-url';
import { DEMO_PASSWORD } from './demo-network';
import { seedDemoNetwork } from './stack/seed';

async function main(): Promise<number> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    process.stderr.write('DATABASE_URL is not set: give the URL of the (migrated) database to seed.\n');
    return 2;
  }
  const appPassword = process.env.HAVEN_DB_APP_PASSWORD;
  const urlFor = (service: string) => (appPassword ? appDatabaseUrl(adminUrl, service, appPassword) : adminUrl);
  process.stdout.write(`Seeding ${redactUrl(adminUrl)}\n`);
  const result = await seedDemoNetwork({ identity: urlFor('identity'), partners: urlFor('partners') });
  if (result.seeded) {
    process.stdout.write(`Seeded the demo network: ${result.organisations} organisations, ${result.services} services. Demo password: ${DEMO_PASSWORD}\n`);
  } else {
    process.stdout.write(`The database already holds ${result.organisations} organisations: nothing seeded.\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
