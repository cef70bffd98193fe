import { AppError } from '@haven/kit/src/errors';
import { ageBound, ageRange, notNull, text } from './input-rules';

function codeOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? [error.extensions.code, error.extensions.field] : error;
  }
  return 'no error';
}

describe('input rules', () => {
  it('keeps an absent field and refuses an explicit null for a field that cannot be empty', () => {
    expect(notNull('province', undefined)).toBeUndefined();
    expect(codeOf(() => notNull('province', null))).toEqual(['BAD_USER_INPUT', 'province']);
  });

  it('trims text, refuses empty required text and text over the limit', () => {
    expect(text('city', '  Zwolle ', { max: 100, required: true })).toBe('Zwolle');
    expect(codeOf(() => text('city', '   ', { max: 100, required: true }))).toEqual(['BAD_USER_INPUT', 'city']);
    expect(codeOf(() => text('city', 'x'.repeat(101), { max: 100, required: true }))).toEqual(['BAD_USER_INPUT', 'city']);
    expect(text('description', '', { max: 10, required: false })).toBe('');
  });

  it('accepts ages 0 to 120 and null as "no bound", and refuses anything else', () => {
    expect(ageBound('minAge', 0)).toBe(0);
    expect(ageBound('maxAge', 120)).toBe(120);
    expect(ageBound('maxAge', null)).toBeNull();
    expect(codeOf(() => ageBound('minAge', -1))).toEqual(['BAD_USER_INPUT', 'minAge']);
    expect(codeOf(() => ageBound('maxAge', 121))).toEqual(['BAD_USER_INPUT', 'maxAge']);
  });

  it('refuses a lower bound above the upper bound, and allows open ranges', () => {
    expect(codeOf(() => ageRange(18, 12))).toEqual(['BAD_USER_INPUT', 'minAge']);
    expect(codeOf(() => ageRange(12, 12))).toBe('no error');
    expect(codeOf(() => ageRange(null, 12))).toBe('no error');
    expect(codeOf(() => ageRange(18, null))).toBe('no error');
  });
});
