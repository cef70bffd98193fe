import { createHash, randomBytes } from 'node:crypto';
import { base32Encode } from './totp';

export const RECOVERY_CODE_COUNT = 10;

/**
 * Ten single-use codes for a lost authenticator: 10 random bytes (80 bits) each, written as four groups of
 * four base32 characters ("abcd-efgh-ijkl-mnop"), easy to copy by hand. 80 bits cannot be guessed or brute-forced
 * from a leaked SHA-256, so no slow hash is needed (the lookup by hash stays one indexed query).
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    base32Encode(randomBytes(10)).toLowerCase().match(/.{4}/g)!.join('-'),
  );
}

/** Case, spaces and dashes do not matter when a code is typed back; null when it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const bare = input.replace(/[\s-]/g, '').toLowerCase();
  return /^[a-z2-7]{16}$/.test(bare) ? bare : null;
}

/** What RecoveryCode.codeHash holds: SHA-256 (hex) of the normalised code. */
export function hashRecoveryCode(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}
