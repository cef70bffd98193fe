import { ensureAppRoles } from './app-roles';
import { migrateService, type MigrateServiceResult, type MigrationLog } from './migrate-service';
import { REPO_ROOT, SERVICES, migrationsDirFor } from './services';

export interface MigrateAllOptions {
  adminUrl: string;
  /** See ensureAppRoles: set when given, left alone when omitted. */
  appPassword?: string;
  services?: readonly string[];
  /** Repository root holding prisma/<service>/migrations (tests point it elsewhere). */
  root?: string;
  log?: MigrationLog;
}

/** Every service's migrations, then the app roles and their grants (which need the tables to exist). */
export async function migrateAll(options: MigrateAllOptions): Promise<MigrateServiceResult[]> {
  const services = options.services ?? SERVICES;
  const results: MigrateServiceResult[] = [];
  for (const service of services) {
    results.push(
      await migrateService({
        adminUrl: options.adminUrl,
        service,
        migrationsDir: migrationsDirFor(service, options.root ?? REPO_ROOT),
        log: options.log,
      }),
    );
  }
  await ensureAppRoles({ adminUrl: options.adminUrl, services, password: options.appPassword });
  return results;
}
