const DAY_MS = 24 * 60 * 60 * 1000;

/** Free slots: total minus held, never below zero (a row cannot hold more, but a reader never shows less). */
export function availableSlots(capacity: { totalSlots: number; heldSlots: number }): number {
  return Math.max(0, capacity.totalSlots - capacity.heldSlots);
}

/**
 * Stale: the organisation has not confirmed its capacity within `staleDays` (or never has). Holds and
 * releases do not count as confirmation: they say nothing about whether the total is still true.
 */
export function isCapacityStale(confirmedAt: Date | null, staleDays: number, now: Date = new Date()): boolean {
  if (!confirmedAt) return true;
  return now.getTime() - confirmedAt.getTime() > staleDays * DAY_MS;
}
