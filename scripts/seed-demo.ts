/**
 * `npm run db:seed` — seeds the demo network into an existing, migrated database when it holds no
 * organisations yet (`npm start` does this by itself on the embedded database).
 *
 *   DATABASE_URL            the database's admin/owner URL (as for `npm run db:migrate`)
 *   HAVEN_DB_PASSWORD_IDENTITY, HAVEN_DB_PASSWORD_PARTNERS
 *                           optional: seed through those services' own roles (haven_identity, haven_partners),
 *                           each with its own password, instead of the admin role (a service whose variable
 *                           is unset is seeded through the admin role); HAVEN_DB_PASSWORD_CASES and
 *                           HAVEN_DB_PASSWORD_CONSENT likewise for the demo cases
 *   HAVEN_VAULT_KEYS        the cases service's key ring: with it, the demo cases are seeded too (their
 *                           personal data is sealed with it); without it, only the network
 */
import { appDatabaseUrl, appPasswordsFromEnv } from '@haven/kit/src/db/app-roles';
import { redactUrl } from '@haven/kit/src/db/pg-url';
import { DEMO_PASSWORD } from './demo-network';
import { loadPartKeys } from '@haven/kit/src/trust/keys';
import { seedDemoNetwork } from './stack/seed';

async function main(): Promise<number> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    process.stderr.write('DATABASE_URL is not set: give the URL of the (migrated) database to seed.\n');
    return 2;
  }
  const passwords = appPasswordsFromEnv();
  const urlFor = (service: 'identity' | 'partners' | 'cases' | 'consent') => {
    const password = passwords[service];
    return password ? appDatabaseUrl(adminUrl, service, password) : adminUrl;
  };
  process.stdout.write(`Seeding ${redactUrl(adminUrl)}\n`);
  const vaultKeys = process.env.HAVEN_VAULT_KEYS || undefined;
  const result = await seedDemoNetwork(
    { identity: urlFor('identity'), partners: urlFor('partners'), cases: urlFor('cases'), consent: urlFor('consent') },
    // With identity's key (HAVEN_KEYS_DIR) the demo admin and auditor are seeded with two-step sign-in on.
    { vaultKeys, identityKey: process.env.HAVEN_KEYS_DIR ? loadPartKeys('identity', process.env.HAVEN_KEYS_DIR).privateKey : undefined },
  );
  if (result.seeded) {
    process.stdout.write(`Seeded the demo network: ${result.organisations} organisations, ${result.services} services. Demo password: ${DEMO_PASSWORD}\n`);
  } else {
    process.stdout.write(`The database already holds ${result.organisations} organisations: nothing seeded.\n`);
  }
  if (result.casesSeeded) process.stdout.write(`Seeded ${result.cases} demo cases.\n`);
  else if (!vaultKeys) process.stdout.write('HAVEN_VAULT_KEYS is not set: no demo cases seeded.\n');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
