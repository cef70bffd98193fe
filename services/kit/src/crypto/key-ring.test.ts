import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureKeyRingFile, formatKeyRingEntry, parseKeyRing, randomKeyRing } from './key-ring';
import { open, seal } from './sealed';

const b64 = (key: Buffer) => key.toString('base64');

describe('parseKeyRing', () => {
  it('reads id:base64 entries, the first being current', () => {
    const [k2, k1] = [randomBytes(32), randomBytes(32)];
    const ring = parseKeyRing(` k2:${b64(k2)} , k1:${b64(k1)} `, 'HAVEN_VAULT_KEYS');
    expect(ring.currentKeyId).toBe('k2');
    expect([...ring.keys.keys()]).toEqual(['k2', 'k1']);
    expect(ring.keys.get('k2')!.equals(k2)).toBe(true);
    expect(ring.keys.get('k1')!.equals(k1)).toBe(true);
  });

  it('round-trips formatKeyRingEntry', () => {
    const key = randomBytes(32);
    expect(parseKeyRing(formatKeyRingEntry('2026-11', key), 'X').keys.get('2026-11')!.equals(key)).toBe(true);
  });

  const secret = b64(randomBytes(32));
  const shortKey = b64(randomBytes(16));
  it.each([
    ['an empty text', '', /no key given/],
    ['an entry without an id', `${secret}`, /entry 1 needs an id/],
    ['an id with a space', `my key:${secret}`, /entry 1 needs an id/],
    ['a key of 16 bytes', `k1:${shortKey}`, /key "k1" is not 32 bytes/],
    ['a key that is not base64 of 32 bytes', 'k1:not-a-key', /key "k1" is not 32 bytes/],
    ['the same id twice', `k1:${secret},k1:${b64(randomBytes(32))}`, /key id "k1" is given twice/],
  ])('refuses %s, naming the setting and never echoing key material', (_label, text, message) => {
    let error: Error | undefined;
    try {
      parseKeyRing(text, 'HAVEN_VAULT_KEYS');
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).toMatch(/^HAVEN_VAULT_KEYS: /);
    for (const material of [secret, shortKey, 'not-a-key']) expect(error!.message).not.toContain(material);
  });
});

describe('ensureKeyRingFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'haven-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates one random key once (mode 0600) and returns the same ring on later starts', () => {
    const path = join(dir, 'nested', 'vault-keys');
    const first = ensureKeyRingFile(path);
    expect(ensureKeyRingFile(path)).toBe(first);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const ring = parseKeyRing(first, path);
    expect(ring.currentKeyId).toBe('k1');
    // A value sealed with the file's ring opens with the ring read back from it.
    const again = parseKeyRing(readFileSync(path, 'utf8'), path);
    expect(open(again, seal(ring, 'waarde', 'aad'), 'aad')).toBe('waarde');
  });

  it('refuses a damaged file instead of replacing it (that would make every sealed value unreadable)', () => {
    const path = join(dir, 'vault-keys');
    writeFileSync(path, 'k1:kapot\n');
    expect(() => ensureKeyRingFile(path)).toThrow(/not 32 bytes/);
    expect(readFileSync(path, 'utf8')).toBe('k1:kapot\n');
  });
});

describe('randomKeyRing', () => {
  it('gives a different 32-byte key each time', () => {
    const [a, b] = [randomKeyRing(), randomKeyRing()];
    expect(a.keys.get('test')!.length).toBe(32);
    expect(a.keys.get('test')!.equals(b.keys.get('test')!)).toBe(false);
  });
});
