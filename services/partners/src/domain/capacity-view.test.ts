import { availableSlots, isCapacityStale } from './capacity-view';

describe('capacity as shown', () => {
  it('counts available slots as total minus held, never below zero', () => {
    expect(availableSlots({ totalSlots: 10, heldSlots: 3 })).toBe(7);
    expect(availableSlots({ totalSlots: 3, heldSlots: 3 })).toBe(0);
    expect(availableSlots({ totalSlots: 2, heldSlots: 5 })).toBe(0);
  });

  it('flags capacity never confirmed, or confirmed longer ago than the configured days, as stale', () => {
    const now = new Date('2026-05-10T12:00:00Z');
    expect(isCapacityStale(null, 7, now)).toBe(true);
    expect(isCapacityStale(new Date('2026-05-03T12:00:00Z'), 7, now)).toBe(false);
    expect(isCapacityStale(new Date('2026-05-03T11:59:00Z'), 7, now)).toBe(true);
    expect(isCapacityStale(new Date('2026-05-03T11:59:00Z'), 8, now)).toBe(false);
  });
});
