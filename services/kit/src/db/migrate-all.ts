import { ensureAppRoles, type AppRolePasswords } from './app-roles';
import { migrateService, type MigrateServiceResult, type MigrationLog } from './migrate-service';
import { REPO_ROOT, SERVICES, SHARED_NAMESPACES, migrationsDirFor, type ServiceName } from './services';

export interface MigrateAllOptions {
  adminUrl: string;
  /** Each app role's own password (see ensureAppRoles): set when given, left alone when omitted. */
  appPasswords?: AppRolePasswords;
  services?: readonly ServiceName[];
  /** Repository root holding prisma/<service>/migrations (tests point it elsewhere). */
  root?: string;
  log?: MigrationLog;
}

/**
 * Every service's migrations and the shared namespaces' (audit), then the app roles and their grants (which need the tables to exist). A table
 * without an entry in grants.ts is reported through `log` and left without privileges for its app role.
 */
export async function migrateAll(options: MigrateAllOptions): Promise<MigrateServiceResult[]> {
  const services = options.services ?? SERVICES;
  const results: MigrateServiceResult[] = [];
  // The shared namespaces (audit) come along whatever `services` is: every service writes into them.
  for (const service of [...services, ...SHARED_NAMESPACES]) {
    results.push(
      await migrateService({
        adminUrl: options.adminUrl,
        service,
        migrationsDir: migrationsDirFor(service, options.root ?? REPO_ROOT),
        log: options.log,
      }),
    );
  }
  await ensureAppRoles({ adminUrl: options.adminUrl, services, passwords: options.appPasswords, log: options.log });
  return results;
}
