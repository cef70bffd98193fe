import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { migrationChecksum } from './checksum';

export interface MigrationFile {
  /** The directory name, e.g. 20250101120000_init: what `_prisma_migrations.migration_name` records. */
  name: string;
  script: Buffer;
  checksum: string;
}

/** Prisma's layout: one directory per migration holding migration.sql, applied in name order. */
export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error(`No migrations directory at ${migrationsDir}`);
    throw error;
  });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const file = join(migrationsDir, name, 'migration.sql');
    const exists = await stat(file).then((s) => s.isFile(), () => false);
    if (!exists) throw new Error(`Migration ${name} has no migration.sql (${file})`);
    const script = await readFile(file);
    migrations.push({ name, script, checksum: migrationChecksum(script) });
  }
  return migrations;
}
