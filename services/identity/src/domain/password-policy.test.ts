import { AppError } from '@haven/kit/src/errors';
import { isCommonPassword } from './common-passwords';
import { assertPasswordAllowed, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy';

const context = { email: 'j.devries@shelter.example', isCommon: isCommonPassword };
const never = { email: 'j.devries@shelter.example', isCommon: () => false };

describe('password policy (NIST SP 800-63B rev. 4)', () => {
  it('needs at least 15 characters, counting characters rather than bytes', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(15);
    expect(passwordProblem('fourteen chars', never)).toBe('TOO_SHORT');
    expect(passwordProblem('fifteen chars!!', never)).toBeNull();
    // 15 emoji are 30 UTF-16 units and 60 bytes, but 15 characters.
    expect(passwordProblem('🐢🦊🦉🐝🐙🦀🐳🦋🐌🦔🐿🦎🐸🦜🐧'.slice(0, 28), never)).toBe('TOO_SHORT');
    expect(passwordProblem('🐢🦊🦉🐝🐙🦀🐳🦋🐌🦔🦩🦎🐸🦜🐧', never)).toBeNull();
  });

  it('accepts long passphrases with spaces and any script, up to 256 characters', () => {
    expect(passwordProblem('de kat zit op de warme vensterbank in de zon', context)).toBeNull();
    expect(passwordProblem('ночь улица фонарь аптека', context)).toBeNull();
    expect(passwordProblem('x'.repeat(63) + 'y', never)).toBeNull();
    expect(passwordProblem('ab'.repeat(MAX_PASSWORD_LENGTH / 2) + 'c', never)).toBe('TOO_LONG');
  });

  it('has no composition rules: lower-case letters only are fine', () => {
    expect(passwordProblem('correcthorsebatterystaple', context)).toBeNull();
  });

  it('counts length after NFKC normalisation', () => {
    // Fullwidth letters fold to ASCII; ligature "ﬃ" folds to three letters and so counts as three.
    expect(passwordProblem('ﬃﬃﬃﬃﬃ', never)).not.toBe('TOO_SHORT');
    expect(passwordProblem('ﬃﬃﬃﬃ', never)).toBe('TOO_SHORT');
  });

  it('refuses passwords on the bundled breached/common list, whatever their case', () => {
    expect(passwordProblem('qazwsxedcrfvtgb', context)).toBe('COMMON');
    expect(passwordProblem('PasswordPassword', context)).toBe('COMMON');
    expect(passwordProblem('1qaz2wsx3edc4rfv', context)).toBe('COMMON');
  });

  it('asks the list with the normalised password', () => {
    const asked: string[] = [];
    passwordProblem('ｑａｚｗｓｘｅｄｃｒｆｖｔｇｂ', { email: 'x@y.example', isCommon: (p) => (asked.push(p), false) });
    expect(asked).toEqual(['qazwsxedcrfvtgb']);
  });

  it('refuses one character or one piece repeated', () => {
    expect(passwordProblem('zzzzzzzzzzzzzzzzzz', never)).toBe('REPETITIVE');
    expect(passwordProblem('abc1abc1abc1abc1', never)).toBe('REPETITIVE');
    expect(passwordProblem('abc1abc1abc1abc12', never)).toBeNull();
  });

  it('does not count the service name or the e-mail name towards the length', () => {
    expect(passwordProblem('Haven-j.devries-2026', context)).toBe('CONTEXT_WORDS');
    expect(passwordProblem('havenhavenhaven!!', context)).toBe('CONTEXT_WORDS');
    expect(passwordProblem('devries devries 12', context)).toBe('CONTEXT_WORDS');
    // Mentioning one is fine when enough else is there.
    expect(passwordProblem('a safe haven by the old canal', context)).toBeNull();
  });

  it('throws BAD_USER_INPUT naming the field and a reason the portal can word', () => {
    expect.assertions(3);
    try {
      assertPasswordAllowed('short', context, 'newPassword');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword', reason: 'TOO_SHORT' });
      expect((error as AppError).message).not.toContain('short');
    }
  });

  it('loads the bundled list once and finds entries in it', () => {
    expect(isCommonPassword('123456')).toBe(true);
    expect(isCommonPassword('a safe haven by the old canal')).toBe(false);
  });
});
