import { dateTimeScalar } from './scalars';

describe('DateTime', () => {
  it('writes a Date and an ISO string as the same UTC timestamp, leaving the Date as it was', () => {
    const date = new Date('2026-03-01T10:00:00+01:00');
    expect(dateTimeScalar.serialize(date)).toBe('2026-03-01T09:00:00.000Z');
    expect(dateTimeScalar.serialize('2026-03-01T10:00:00+01:00')).toBe('2026-03-01T09:00:00.000Z');
    expect(date.getTime()).toBe(Date.parse('2026-03-01T09:00:00Z'));
  });

  it('refuses an invalid Date, a bad string and other values with BAD_USER_INPUT', () => {
    for (const value of [new Date(NaN), 'yesterday', 42, null]) {
      expect(() => dateTimeScalar.serialize(value)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });
});
