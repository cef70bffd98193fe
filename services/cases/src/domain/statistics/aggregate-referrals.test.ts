import { aggregateReferrals, wasOverdue, type ReferralFacts } from './aggregate-referrals';
import { statisticsPeriod, weekIndexOf } from './statistics-period';

const HOUR = 3_600_000;
const now = new Date('2026-11-30T08:00:00Z');
const period = statisticsPeriod(2026, 4, now);
const sent = new Date('2026-10-06T10:00:00Z');

let nextCase = 0;
function referral(overrides: Partial<ReferralFacts> = {}): ReferralFacts {
  nextCase += 1;
  return { caseId: `case-${nextCase}`, state: 'SENT', sentAt: sent, deadlineAt: new Date(sent.getTime() + 72 * HOUR), respondedAt: null, intakeAt: null, declined: false, outcome: null, ...overrides };
}
const many = (count: number, overrides: Partial<ReferralFacts> = {}) => Array.from({ length: count }, () => referral(overrides));

describe('the statistics period', () => {
  it('is one calendar quarter with weeks from its first day, then Mondays, up to now', () => {
    expect(period.from.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(period.to.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(period.weekStarts.slice(0, 3).map((d) => d.toISOString().slice(0, 10))).toEqual(['2026-10-01', '2026-10-05', '2026-10-12']);
    expect(period.weekStarts.at(-1)!.toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(weekIndexOf(period, new Date('2026-10-04T23:59:00Z'))).toBe(0);
    expect(weekIndexOf(period, sent)).toBe(1);
  });

  it.each([
    [2026, 0, 'quarter'],
    [2026, 5, 'quarter'],
    [2019, 1, 'year'],
    [2027, 1, 'year'],
  ])('refuses year %i quarter %i (BAD_USER_INPUT on %s)', (year, quarter, field) => {
    expect(() => statisticsPeriod(year, quarter, now)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field } }));
  });
});

describe('aggregateReferrals', () => {
  it('counts per week and state, and suppresses a small state together with a companion', () => {
    const stats = aggregateReferrals(period, [...many(7), ...many(3, { state: 'ACCEPTED', respondedAt: new Date(sent.getTime() + HOUR) }), ...many(20, { state: 'DECLINED', declined: true, respondedAt: new Date(sent.getTime() + 2 * HOUR) })], now);
    const week = stats.weeks[1]!;
    const of = (state: string) => week.states.find((s) => s.state === state)!.count;
    expect(of('ACCEPTED')).toEqual({ value: null, suppressed: true });
    // SENT (7) is the smallest visible non-zero cell of the week: it hides with ACCEPTED.
    expect(of('SENT')).toEqual({ value: null, suppressed: true });
    expect(of('DECLINED')).toEqual({ value: 20, suppressed: false });
    expect(of('CLOSED')).toEqual({ value: 0, suppressed: false });
    expect(stats.total).toEqual({ value: 30, suppressed: false });
    // 3 accepted of 23 answered: the accepted side is under five people.
    expect(stats.acceptanceRate.suppressed).toBe(true);
    expect(stats.medianHoursToFirstResponse).toEqual({ value: 2, suppressed: false });
    expect(stats.medianHoursToIntake).toEqual({ value: null, suppressed: true });
  });

  it('counts people, not referrals: five referrals of one case form a small cell', () => {
    const stats = aggregateReferrals(period, Array.from({ length: 5 }, () => ({ ...referral(), caseId: 'one-person' })), now);
    expect(stats.total).toEqual({ value: null, suppressed: true });
  });

  it('shows the acceptance rate and the medians once each side holds five people', () => {
    const accepted = many(6, { state: 'IN_CARE', respondedAt: new Date(sent.getTime() + 4 * HOUR), intakeAt: new Date(sent.getTime() + 30 * HOUR) });
    const declined = many(9, { state: 'DECLINED', declined: true, respondedAt: new Date(sent.getTime() + 10 * HOUR) });
    const stats = aggregateReferrals(period, [...accepted, ...declined], now);
    expect(stats.acceptanceRate).toEqual({ value: 6 / 15, suppressed: false });
    expect(stats.medianHoursToFirstResponse).toEqual({ value: 10, suppressed: false });
    expect(stats.medianHoursToIntake).toEqual({ value: 30, suppressed: false });
  });

  it('hides a small outcome and another one, since their sum is the visible CLOSED total', () => {
    const stats = aggregateReferrals(period, [...many(2, { state: 'CLOSED', outcome: 'CLIENT_LEFT' }), ...many(8, { state: 'CLOSED', outcome: 'COMPLETED' })], now);
    const of = (outcome: string) => stats.outcomes.find((o) => o.outcome === outcome)!.count;
    expect([of('CLIENT_LEFT').suppressed, of('COMPLETED').suppressed]).toEqual([true, true]);
  });

  it('counts as overdue what expired, was answered late, or is unanswered past its deadline', () => {
    const deadline = new Date(sent.getTime() + HOUR);
    expect(wasOverdue(referral({ state: 'EXPIRED', deadlineAt: deadline }), now)).toBe(true);
    expect(wasOverdue(referral({ state: 'ACCEPTED', deadlineAt: deadline, respondedAt: new Date(sent.getTime() + 2 * HOUR) }), now)).toBe(true);
    expect(wasOverdue(referral({ state: 'SENT', deadlineAt: deadline }), now)).toBe(true);
    expect(wasOverdue(referral({ state: 'ACCEPTED', deadlineAt: deadline, respondedAt: sent }), now)).toBe(false);
    expect(wasOverdue(referral({ state: 'SENT', deadlineAt: new Date(now.getTime() + HOUR) }), now)).toBe(false);
  });
});
