import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';

/**
 * TOTP secrets rest encrypted (AES-256-GCM), so a copy of the identity tables alone does not let anyone mint
 * codes. The key is derived (HKDF-SHA-256, its own label) from identity's private signing key, which lives
 * outside the database (the data directory, or configuration in production): no second secret to manage. The
 * cost: replacing identity's key pair makes stored TOTP secrets unreadable, and those users enrol again.
 * Format: "v1.<iv>.<tag>.<ciphertext>", base64url; the user id is bound in as associated data, so a secret
 * copied onto another account does not decrypt.
 */
export interface TotpSecretBox {
  seal(secret: Buffer, userId: string): string;
  open(sealed: string, userId: string): Buffer | null;
}

export function totpSecretBox(privateKey: KeyObject): TotpSecretBox {
  const keyMaterial = privateKey.export({ format: 'der', type: 'pkcs8' });
  const key = Buffer.from(hkdfSync('sha256', keyMaterial, Buffer.alloc(0), 'haven identity totp secret v1', 32));
  return {
    seal(secret, userId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(userId));
      const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    open(sealed, userId) {
      const [version, iv, tag, ciphertext] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || !ciphertext) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(userId));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
      } catch {
        return null;
      }
    },
  };
}
