import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Field-level encryption for personal data at rest: AES-256-GCM, a fresh 96-bit nonce per value, and
 * additional authenticated data that names where the value belongs (e.g. `case:<id>:field:phone`), so a
 * sealed value copied to another row or field does not open. Keys live outside the database: a key ring
 * with one current key that seals and older ones that still open (rotation: add a key, make it current,
 * re-seal at leisure, then drop the old one).
 */
export interface KeyRing {
  /** The id of the key new values are sealed with. */
  currentKeyId: string;
  /** 32-byte keys by id. */
  keys: ReadonlyMap<string, Buffer>;
}

export interface SealedValue {
  keyId: string;
  /** nonce (12 bytes) | auth tag (16 bytes) | ciphertext */
  sealed: Buffer;
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

function keyOf(ring: KeyRing, keyId: string): Buffer {
  const key = ring.keys.get(keyId);
  if (!key) throw new SealError(`no key with id ${keyId} in the key ring`);
  if (key.length !== 32) throw new SealError(`key ${keyId} is not 32 bytes`);
  return key;
}

export function seal(ring: KeyRing, plaintext: string, additionalData: string): SealedValue {
  const key = keyOf(ring, ring.currentKeyId);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(additionalData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: ring.currentKeyId, sealed: Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]) };
}

/** Opens a sealed value; a wrong key, wrong additional data or any tampering throws SealError (never garbage). */
export function open(ring: KeyRing, value: SealedValue, additionalData: string): string {
  const key = keyOf(ring, value.keyId);
  const bytes = Buffer.from(value.sealed);
  if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new SealError('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(additionalData, 'utf8'));
  decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError('sealed value does not open: wrong key, wrong place, or tampered with');
  }
}
