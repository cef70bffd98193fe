import { burnPasswordCheck, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores scrypt with its parameters, a 16-byte salt and a 32-byte key, never the password', async () => {
    const stored = await hashPassword('a long enough secret');
    const [scheme, N, r, p, salt, key] = stored.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(32);
    expect(stored).not.toContain('secret');
  });

  it('salts every hash, so equal passwords give different hashes', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')]);
    expect(a).not.toEqual(b);
  });

  it('hashes the NFKC form, so the same text typed as composed or decomposed characters is one password', async () => {
    const stored = await hashPassword('caf\u00e9 aan de gracht');
    await expect(verifyPassword('cafe\u0301 aan de gracht', stored)).resolves.toBe(true);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('right password 1');
    await expect(verifyPassword('right password 1', stored)).resolves.toBe(true);
    await expect(verifyPassword('right password 2', stored)).resolves.toBe(false);
  });

  it('never matches a malformed or tampered stored hash', async () => {
    const stored = await hashPassword('right password 1');
    await expect(verifyPassword('right password 1', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('right password 1', stored.replace('$32768$', '$1073741824$'))).resolves.toBe(false);
    await expect(verifyPassword('right password 1', stored.replace(/\$[^$]+$/, '$'))).resolves.toBe(false);
  });

  it('does the work of a real check for an unknown account', async () => {
    const started = Date.now();
    await burnPasswordCheck('whatever was typed');
    await burnPasswordCheck('whatever was typed');
    // The second call at least verifies with full scrypt parameters (the first also builds the dummy hash).
    expect(Date.now() - started).toBeGreaterThan(20);
  });
});
