import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICES } from '@haven/kit/src/db/services';
import { dbPasswordsFile, loadDbPasswords } from './db-passwords';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'haven-pw-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadDbPasswords', () => {
  it('generates a different password for every service role and keeps them in a file only the owner can read', () => {
    const passwords = loadDbPasswords(dir);
    expect(Object.keys(passwords).sort()).toEqual([...SERVICES].sort());
    expect(new Set(Object.values(passwords)).size).toBe(SERVICES.length);
    expect(statSync(dbPasswordsFile(dir)).mode & 0o777).toBe(0o600);
    expect(loadDbPasswords(dir)).toEqual(passwords);
  });

  it('replaces the shared password file of earlier versions and completes a file missing a service', () => {
    writeFileSync(join(dir, 'db-app-password'), 'the-old-shared-password\n', { mode: 0o600 });
    writeFileSync(dbPasswordsFile(dir), JSON.stringify({ identity: 'kept-identity-password-123' }), { mode: 0o644 });
    const passwords = loadDbPasswords(dir);
    expect(passwords.identity).toBe('kept-identity-password-123');
    expect(Object.values(passwords)).not.toContain('the-old-shared-password');
    expect(new Set(Object.values(passwords)).size).toBe(SERVICES.length);
    expect(existsSync(join(dir, 'db-app-password'))).toBe(false);
    expect(JSON.parse(readFileSync(dbPasswordsFile(dir), 'utf8'))).toEqual(passwords);
    expect(statSync(dbPasswordsFile(dir)).mode & 0o777).toBe(0o600);
  });
});
