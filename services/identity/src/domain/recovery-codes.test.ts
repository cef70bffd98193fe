import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';

describe('recovery codes', () => {
  it('makes ten distinct codes of four groups of four base32 characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
  });

  it('reads a code back whatever its case, spaces and dashes, and hashes that one form', () => {
    const [code] = newRecoveryCodes();
    const typed = ` ${code!.toUpperCase().replace(/-/g, ' ')} `;
    expect(normaliseRecoveryCode(typed)).toBe(code!.replace(/-/g, ''));
    expect(hashRecoveryCode(normaliseRecoveryCode(typed)!)).toBe(hashRecoveryCode(normaliseRecoveryCode(code!)!));
    expect(normaliseRecoveryCode('123456')).toBeNull();
  });
});
