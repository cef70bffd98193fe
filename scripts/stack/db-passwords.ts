import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, type ServiceName } from '@haven/kit/src/db/services';

export type DbPasswords = Record<ServiceName, string>;

/** Where `npm start` keeps the app roles' passwords: <data>/db-passwords.json, mode 0600. */
export const dbPasswordsFile = (dataDir: string) => join(dataDir, 'db-passwords.json');
/** Before: one password shared by all four roles. */
const LEGACY_FILE = 'db-app-password';

/**
 * One password per service role (haven_identity …), generated once and kept in the data directory; a
 * service missing from the file (a new one, or a hand-edited file) gets a new one. Each part is given only
 * its own (run-stack.ts). The shared password of earlier versions is removed: the migration step sets
 * these on every start, so it no longer opens anything.
 */
export function loadDbPasswords(dataDir: string): DbPasswords {
  const file = dbPasswordsFile(dataDir);
  let stored: Partial<Record<string, unknown>> = {};
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new Error(`${file} is not valid JSON; delete it and start again (new passwords are generated).`);
    }
  }
  const passwords = {} as DbPasswords;
  let changed = !existsSync(file);
  for (const service of SERVICES) {
    const value = stored[service];
    if (typeof value === 'string' && value.length >= 16) {
      passwords[service] = value;
    } else {
      passwords[service] = randomBytes(24).toString('base64url');
      changed = true;
    }
  }
  if (changed) {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(passwords, null, 2) + '\n', { mode: 0o600 });
    renameSync(temporary, file);
  }
  // Also a file copied in with a looser mode: these open the services' data.
  chmodSync(file, 0o600);
  rmSync(join(dataDir, LEGACY_FILE), { force: true });
  return passwords;
}
