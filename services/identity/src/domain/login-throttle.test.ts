import { FIRST_LOCK_MS, MAX_LOCK_MS, isLocked, lockDurationMs } from './login-throttle';

describe('login throttling', () => {
  it('locks only from the fifth failure in a row, for 30 seconds', () => {
    expect([1, 2, 3, 4].map(lockDurationMs)).toEqual([null, null, null, null]);
    expect(lockDurationMs(5)).toBe(30_000);
    expect(FIRST_LOCK_MS).toBe(30_000);
  });

  it('doubles the lock with each further failure, up to 15 minutes', () => {
    expect([6, 7, 8, 9, 10].map(lockDurationMs)).toEqual([60_000, 120_000, 240_000, 480_000, 900_000]);
    expect(lockDurationMs(1000)).toBe(MAX_LOCK_MS);
    expect(MAX_LOCK_MS).toBe(15 * 60_000);
  });

  it('treats a lock as over once its time has passed', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(isLocked({ lockedUntil: new Date('2026-01-01T12:00:01Z') }, now)).toBe(true);
    expect(isLocked({ lockedUntil: new Date('2026-01-01T12:00:00Z') }, now)).toBe(false);
    expect(isLocked({ lockedUntil: null }, now)).toBe(false);
  });
});
