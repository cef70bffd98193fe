import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTS, type PartName } from '../taxonomy';

/** What one part holds: its own private key, and every part's public key. */
export interface PartKeys {
  self: PartName;
  privateKey: KeyObject;
  publicKeys: Record<PartName, KeyObject>;
}

/**
 * Embedded default: one Ed25519 key pair per part, generated once into `dir` (mode 0600).
 * Safe when several processes start at once: each file is written to a temporary name and renamed,
 * and a pair is only created when its private key is missing.
 */
export function ensureKeyDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const part of PARTS) {
    const privatePath = join(dir, `${part}.key`);
    if (existsSync(privatePath)) continue;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const tmp = `.${process.pid}.${Date.now()}`;
    writeFileSync(join(dir, `${part}.pub${tmp}`), publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(privatePath + tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    renameSync(join(dir, `${part}.pub${tmp}`), join(dir, `${part}.pub`));
    renameSync(privatePath + tmp, privatePath);
    chmodSync(privatePath, 0o600);
  }
}

/**
 * Loads `<self>.key` and every `<part>.pub` from a directory. In production each part's directory
 * holds only its own private key plus the public keys (docs/operations.md).
 */
export function loadPartKeys(self: PartName, dir: string): PartKeys {
  const read = (file: string) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`key file missing: ${path}`);
    return readFileSync(path, 'utf8');
  };
  const publicKeys = Object.fromEntries(PARTS.map((part) => [part, createPublicKey(read(`${part}.pub`))])) as Record<
    PartName,
    KeyObject
  >;
  return { self, privateKey: createPrivateKey(read(`${self}.key`)), publicKeys };
}

/** Tests: a fresh, in-memory key pair per part. */
export function generateKeySet(): Record<PartName, { privateKey: KeyObject; publicKey: KeyObject }> {
  return Object.fromEntries(PARTS.map((part) => [part, generateKeyPairSync('ed25519')])) as Record<
    PartName,
    { privateKey: KeyObject; publicKey: KeyObject }
  >;
}

export function partKeysFromSet(set: ReturnType<typeof generateKeySet>, self: PartName): PartKeys {
  const publicKeys = Object.fromEntries(PARTS.map((part) => [part, set[part].publicKey])) as Record<PartName, KeyObject>;
  return { self, privateKey: set[self].privateKey, publicKeys };
}
