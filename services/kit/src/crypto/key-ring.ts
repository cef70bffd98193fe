import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../config';
import type { KeyRing } from './sealed';

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * A key ring from its text form: `id:base64key[,id:base64key…]`, the first being current (it seals);
 * the others only open values sealed before a rotation. Every key must be 32 bytes. Throws with a
 * message naming `setting` and never echoing a key.
 */
export function parseKeyRing(text: string, setting: string): KeyRing {
  const keys = new Map<string, Buffer>();
  const entries = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) throw new ConfigError(`${setting}: no key given`);
  for (const [n, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID.test(id)) throw new ConfigError(`${setting}: entry ${n + 1} needs an id (letters, digits, - or _) before a colon`);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32) throw new ConfigError(`${setting}: key "${id}" is not 32 bytes of base64`);
    if (keys.has(id)) throw new ConfigError(`${setting}: key id "${id}" is given twice`);
    keys.set(id, key);
  }
  return { currentKeyId: entries[0]!.slice(0, entries[0]!.indexOf(':')), keys };
}

export function formatKeyRingEntry(id: string, key: Buffer): string {
  return `${id}:${key.toString('base64')}`;
}

/**
 * The embedded default: a key ring kept in a file of the data directory, created once (mode 0600) with one
 * random key; returns its text form (what HAVEN_VAULT_KEYS takes). Production passes the ring from its
 * secret store instead. Losing this file makes the demo's personal data unreadable — that is the point.
 */
export function ensureKeyRingFile(path: string): string {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${formatKeyRingEntry('k1', randomBytes(32))}\n`, { mode: 0o600, flag: 'wx' });
  }
  const text = readFileSync(path, 'utf8').trim();
  parseKeyRing(text, path);
  return text;
}

/** A fresh one-key ring in memory, for tests. */
export function randomKeyRing(id = 'test'): KeyRing {
  return { currentKeyId: id, keys: new Map([[id, randomBytes(32)]]) };
}
