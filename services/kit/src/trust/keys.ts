import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { PARTS, type PartName } from '../taxonomy';
import { ConfigError } from '../config';

/** What one part holds: its own private key, and every part's public key. */
export interface PartKeys {
  self: PartName;
  privateKey: KeyObject;
  publicKeys: Record<PartName, KeyObject>;
}

/**
 * Embedded default: one Ed25519 key pair per part, generated once into `dir` (mode 0600).
 * Several processes may start at once: generation runs under an exclusive lock file, and each file is
 * written under a temporary name and renamed, so nobody reads half a key or a mismatched pair.
 */
export function ensureKeyDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const complete = () => PARTS.every((part) => existsSync(join(dir, `${part}.key`)) && existsSync(join(dir, `${part}.pub`)));
  if (complete()) return;
  withLockFile(join(dir, '.generate.lock'), () => {
    for (const part of PARTS) {
      if (existsSync(join(dir, `${part}.key`)) && existsSync(join(dir, `${part}.pub`))) continue;
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      writeAtomically(join(dir, `${part}.pub`), publicKey.export({ type: 'spki', format: 'pem' }) as string, 0o644);
      writeAtomically(join(dir, `${part}.key`), privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 0o600);
    }
  });
}

function writeAtomically(path: string, content: string, mode: number) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, path);
}

/** Runs `work` while holding `lockPath` (created exclusively); waits for another holder, steals a stale lock. */
function withLockFile(lockPath: string, work: () => void) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      closeSync(openSync(lockPath, 'wx', 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const heldFor = Date.now() - (statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      const stale = heldFor > 30_000;
      if (stale || Date.now() > deadline) rmSync(lockPath, { force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    work();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

/**
 * Loads `<self>.key` and every `<part>.pub` from a directory. In production each part's directory
 * holds only its own private key plus the public keys (docs/operations.md).
 */
export function loadPartKeys(self: PartName, dir: string): PartKeys {
  const read = (file: string) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new ConfigError(`HAVEN_KEYS_DIR: key file missing: ${path}`);
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
