import {
  suppressCells,
  suppressedMedian,
  suppressRatio,
  tableLayout,
  type CellInput,
  type CountCell,
  type MeasureCell,
} from '@haven/kit/src/statistics/small-cells';
import type { ReferralOutcome, ReferralState } from '../../generated/prisma/enums';
import { weekIndexOf, type StatisticsPeriod } from './statistics-period';

export const STATES: readonly ReferralState[] = ['SENT', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED', 'IN_CARE', 'CANCELLED', 'CLOSED'];
export const OUTCOMES: readonly ReferralOutcome[] = ['COMPLETED', 'CLIENT_LEFT', 'TRANSFERRED', 'REFERRED_ELSEWHERE', 'OTHER'];

/** What one referral contributes: no id, no organisation, only the case it counts as a person for. */
export interface ReferralFacts {
  caseId: string;
  state: ReferralState;
  sentAt: Date;
  deadlineAt: Date;
  respondedAt: Date | null;
  intakeAt: Date | null;
  declined: boolean;
  outcome: ReferralOutcome | null;
}

export interface ReferralStatistics {
  weeks: { weekStart: Date; states: { state: ReferralState; count: CountCell }[]; total: CountCell }[];
  stateTotals: { state: ReferralState; count: CountCell }[];
  total: CountCell;
  outcomes: { outcome: ReferralOutcome; count: CountCell }[];
  acceptanceRate: MeasureCell;
  medianHoursToFirstResponse: MeasureCell;
  medianHoursToIntake: MeasureCell;
  overdue: CountCell;
}

const HOUR = 3_600_000;

/** A count of referrals and the distinct people (cases) behind them. */
function cell(referrals: readonly ReferralFacts[]): CellInput {
  return { value: referrals.length, people: new Set(referrals.map((r) => r.caseId)).size };
}

/** Answered late or not at all by the deadline: expired, still unanswered past it, or answered after it. */
export function wasOverdue(referral: ReferralFacts, now: Date): boolean {
  if (referral.respondedAt) return referral.respondedAt.getTime() > referral.deadlineAt.getTime();
  return referral.state === 'EXPIRED' || (referral.state === 'SENT' && referral.deadlineAt.getTime() < now.getTime());
}

/**
 * The quarter's statistics from the referrals sent in it (already limited to cases whose consent covers
 * the statistics purpose), suppressed before they are returned. Every count takes part in one suppression
 * pass: the weeks × states table with its margins, and the outcomes, whose sum is the CLOSED total.
 */
export function aggregateReferrals(period: StatisticsPeriod, referrals: readonly ReferralFacts[], now: Date): ReferralStatistics {
  const byWeek = period.weekStarts.map(() => [] as ReferralFacts[]);
  for (const referral of referrals) byWeek[weekIndexOf(period, referral.sentAt)]!.push(referral);
  const inState = (list: readonly ReferralFacts[], state: ReferralState) => list.filter((r) => r.state === state);

  const table = tableLayout({
    cells: byWeek.map((week) => STATES.map((state) => cell(inState(week, state)))),
    rowTotals: byWeek.map((week) => cell(week)),
    columnTotals: STATES.map((state) => cell(inState(referrals, state))),
    grandTotal: cell(referrals),
  });
  const closed = inState(referrals, 'CLOSED');
  const outcomeStart = table.flat.length;
  const outcomeCells = OUTCOMES.map((outcome) => cell(closed.filter((r) => r.outcome === outcome)));
  const overdueIndex = outcomeStart + outcomeCells.length;
  const relations = [...table.relations, [...OUTCOMES.map((_, n) => outcomeStart + n), table.columnTotalIndex(STATES.indexOf('CLOSED'))]];
  const counts = suppressCells([...table.flat, ...outcomeCells, cell(referrals.filter((r) => wasOverdue(r, now)))], relations);

  const responded = referrals.filter((r) => r.respondedAt && (r.declined || r.state !== 'EXPIRED'));
  const accepted = responded.filter((r) => !r.declined);
  const hours = (list: readonly ReferralFacts[], end: (r: ReferralFacts) => Date | null) =>
    list.map((r) => (end(r)!.getTime() - r.sentAt.getTime()) / HOUR);
  const takenIn = referrals.filter((r) => r.intakeAt);

  return {
    weeks: period.weekStarts.map((weekStart, row) => ({
      weekStart,
      states: STATES.map((state, column) => ({ state, count: counts[table.cellIndex(row, column)]! })),
      total: counts[table.rowTotalIndex(row)]!,
    })),
    stateTotals: STATES.map((state, column) => ({ state, count: counts[table.columnTotalIndex(column)]! })),
    total: counts[table.grandTotalIndex]!,
    outcomes: OUTCOMES.map((outcome, n) => ({ outcome, count: counts[outcomeStart + n]! })),
    acceptanceRate: suppressRatio(cell(accepted), cell(responded)),
    medianHoursToFirstResponse: roundMeasure(suppressedMedian(hours(responded, (r) => r.respondedAt), cell(responded).people)),
    medianHoursToIntake: roundMeasure(suppressedMedian(hours(takenIn, (r) => r.intakeAt), cell(takenIn).people)),
    overdue: counts[overdueIndex]!,
  };
}

/** Hours to one decimal: finer would single out the middle referral's exact minute. */
function roundMeasure(measure: MeasureCell): MeasureCell {
  return measure.value === null ? measure : { value: Math.round(measure.value * 10) / 10, suppressed: false };
}
