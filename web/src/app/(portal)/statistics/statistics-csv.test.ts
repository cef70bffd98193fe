import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePeriod } from './period';
import { statisticsCsv } from './statistics-csv';
import type { StatisticsData } from './operations';

const hidden = { value: null, suppressed: true };
const n = (value: number) => ({ value, suppressed: false });
const data: StatisticsData = {
  referralStatistics: {
    year: 2026, quarter: 4, from: '2026-10-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', minimumCellSize: 5,
    weeks: [{ weekStart: '2026-10-01T00:00:00.000Z', total: n(12), states: [{ state: 'SENT', count: hidden }, { state: 'DECLINED', count: hidden }, { state: 'CLOSED', count: n(0) }] }],
    stateTotals: [{ state: 'SENT', count: hidden }, { state: 'DECLINED', count: hidden }, { state: 'CLOSED', count: n(0) }],
    total: n(12),
    outcomes: [{ outcome: 'COMPLETED', count: n(0) }],
    acceptanceRate: hidden, medianHoursToFirstResponse: n(6.5), medianHoursToIntake: hidden, overdue: hidden,
  },
  capacityStatistics: [{ province: 'UTRECHT', serviceType: 'SHELTER', services: 3, totalSlots: 30, heldSlots: hidden, utilisation: hidden }],
} as StatisticsData;

describe('statistics CSV', () => {
  const csv = statisticsCsv(data);
  const lines = csv.trim().split('\r\n');

  it('writes every suppressed cell as <5 and never a number 1–4', () => {
    assert.ok(lines.includes('referrals_by_week,2026-10-01,SENT,referrals,<5'));
    assert.ok(lines.includes('capacity_now,UTRECHT,SHELTER,held_slots,<5'));
    assert.ok(lines.includes('summary,2026-Q4,,acceptance_rate,<5'));
    for (const line of lines.slice(1)) {
      const value = line.split(',').at(-1)!;
      if (/^\d+$/.test(value)) assert.ok(Number(value) === 0 || Number(value) >= 5 || line.includes(',services,'), line);
    }
  });

  it('keeps the values the API showed', () => {
    assert.ok(lines.includes('referrals_by_week,2026-10-01,ALL,referrals,12'));
    assert.ok(lines.includes('summary,2026-Q4,,median_hours_to_first_response,6.5'));
    assert.equal(lines[0], 'section,dimension_1,dimension_2,measure,value');
  });
});

describe('statistics period', () => {
  const now = new Date('2026-11-30T08:00:00Z');
  it('defaults to the current quarter and takes a past one', () => {
    assert.deepEqual(parsePeriod({}, now), { ok: true, period: { year: 2026, quarter: 4 } });
    assert.deepEqual(parsePeriod({ year: '2025', quarter: '2' }, now), { ok: true, period: { year: 2025, quarter: 2 } });
  });
  it('refuses a future, malformed or too early quarter', () => {
    for (const params of [{ year: '2027', quarter: '1' }, { year: '2026', quarter: '5' }, { year: '2019', quarter: '1' }, { year: 'x', quarter: '1' }, { year: ['2025', '2026'], quarter: '1' }]) {
      assert.equal(parsePeriod(params, now).ok, false);
    }
  });
});
