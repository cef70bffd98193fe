import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadlineKey, deadlineParts } from './deadline-parts';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const MIN = 60_000;

describe('deadline parts', () => {
  it('counts down in the largest sensible unit, rounding remaining time down', () => {
    assert.deepEqual(deadlineParts(NOW + (3 * 60 + 12) * MIN + 59_000, NOW), { overdue: false, unit: 'h', days: 0, hours: 3, minutes: 12 });
    assert.deepEqual(deadlineParts(NOW + (2 * 24 * 60 + 4 * 60) * MIN, NOW), { overdue: false, unit: 'd', days: 2, hours: 4, minutes: 0 });
    assert.deepEqual(deadlineParts(NOW + 59_999, NOW), { overdue: false, unit: 'm', days: 0, hours: 0, minutes: 0 });
  });

  it('says how long ago a passed deadline was', () => {
    const parts = deadlineParts(new Date(NOW - 90 * MIN).toISOString(), NOW);
    assert.deepEqual(parts, { overdue: true, unit: 'h', days: 0, hours: 1, minutes: 30 });
    assert.equal(deadlineKey(parts), 'overdue_h');
    assert.equal(deadlineKey(deadlineParts(NOW + 5 * MIN, NOW)), 'remaining_m');
  });
});
