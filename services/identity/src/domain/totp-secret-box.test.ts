import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { newTotpSecret } from './totp';
import { totpSecretBox } from './totp-secret-box';

const box = totpSecretBox(generateKeyPairSync('ed25519').privateKey);

describe('TOTP secrets at rest', () => {
  it('seals a secret so the stored text does not contain it, and opens it again for the same user', () => {
    const secret = newTotpSecret();
    const userId = randomUUID();
    const sealed = box.seal(secret, userId);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(secret.toString('base64url'));
    expect(box.open(sealed, userId)).toEqual(secret);
  });

  it('opens nothing for another user, with another key, or after tampering', () => {
    const secret = newTotpSecret();
    const userId = randomUUID();
    const sealed = box.seal(secret, userId);
    expect(box.open(sealed, randomUUID())).toBeNull();
    expect(totpSecretBox(generateKeyPairSync('ed25519').privateKey).open(sealed, userId)).toBeNull();
    const parts = sealed.split('.');
    const ciphertext = Buffer.from(parts[3]!, 'base64url');
    ciphertext[0] = ciphertext[0]! ^ 1;
    parts[3] = ciphertext.toString('base64url');
    expect(box.open(parts.join('.'), userId)).toBeNull();
    expect(box.open('plain', userId)).toBeNull();
  });
});
