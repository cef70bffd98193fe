import { randomBytes } from 'node:crypto';
import { randomKeyRing } from './key-ring';
import { open, seal, SealError, type KeyRing } from './sealed';

const AAD = 'case:00000000-0000-4000-8000-000000000001:field:phone';

describe('sealed values (AES-256-GCM with a key ring)', () => {
  const ring = randomKeyRing('k1');

  it('opens what it sealed, with the same key ring and additional data', () => {
    const value = seal(ring, 'een waarde met ü en 🙂', AAD);
    expect(value.keyId).toBe('k1');
    expect(open(ring, value, AAD)).toBe('een waarde met ü en 🙂');
  });

  it('round-trips the empty string', () => {
    expect(open(ring, seal(ring, '', AAD), AAD)).toBe('');
  });

  it('uses a fresh nonce each time: the same plaintext seals to different bytes, none containing it', () => {
    const a = seal(ring, 'herhaalde waarde', AAD);
    const b = seal(ring, 'herhaalde waarde', AAD);
    expect(a.sealed.equals(b.sealed)).toBe(false);
    expect(a.sealed.subarray(0, 12).equals(b.sealed.subarray(0, 12))).toBe(false);
    expect(a.sealed.includes(Buffer.from('herhaalde waarde'))).toBe(false);
  });

  it('refuses other additional data: a value copied to another case or field does not open', () => {
    const value = seal(ring, 'waarde', AAD);
    expect(() => open(ring, value, AAD.replace('phone', 'address'))).toThrow(SealError);
    expect(() => open(ring, value, AAD.replace('0001', '0002'))).toThrow(SealError);
  });

  it.each([
    ['the nonce', 0],
    ['the auth tag', 12],
    ['the ciphertext', 28],
  ])('refuses a value with one flipped bit in %s', (_part, index) => {
    const value = seal(ring, 'waarde die niet mag veranderen', AAD);
    const tampered = Buffer.from(value.sealed);
    tampered[index] = tampered[index]! ^ 0x01;
    expect(() => open(ring, { keyId: value.keyId, sealed: tampered }, AAD)).toThrow(SealError);
  });

  it('refuses a truncated value', () => {
    const value = seal(ring, 'waarde', AAD);
    expect(() => open(ring, { keyId: 'k1', sealed: value.sealed.subarray(0, 20) }, AAD)).toThrow(SealError);
  });

  it('refuses a value sealed with a key id the ring does not hold, and one opened with another key under the same id', () => {
    const value = seal(ring, 'waarde', AAD);
    expect(() => open(ring, { ...value, keyId: 'k9' }, AAD)).toThrow(SealError);
    const impostor: KeyRing = { currentKeyId: 'k1', keys: new Map([['k1', randomBytes(32)]]) };
    expect(() => open(impostor, value, AAD)).toThrow(SealError);
  });

  it('after a rotation, opens values sealed with the old key and seals new ones with the current key', () => {
    const old = ring.keys.get('k1')!;
    const rotated: KeyRing = { currentKeyId: 'k2', keys: new Map([['k2', randomBytes(32)], ['k1', old]]) };
    const before = seal(ring, 'voor de rotatie', AAD);
    const after = seal(rotated, 'na de rotatie', AAD);
    expect(open(rotated, before, AAD)).toBe('voor de rotatie');
    expect(after.keyId).toBe('k2');
    expect(open(rotated, after, AAD)).toBe('na de rotatie');
    // The old ring alone cannot open what the new key sealed.
    expect(() => open(ring, after, AAD)).toThrow(SealError);
  });

  it('refuses a key that is not 32 bytes', () => {
    const short: KeyRing = { currentKeyId: 'k1', keys: new Map([['k1', randomBytes(16)]]) };
    expect(() => seal(short, 'waarde', AAD)).toThrow(SealError);
  });
});
