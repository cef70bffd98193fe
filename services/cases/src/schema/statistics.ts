import type { CountCell, MeasureCell } from '@haven/kit/src/statistics/small-cells';
import { MIN_PEOPLE } from '@haven/kit/src/statistics/small-cells';
import { builder } from '../builder';
import type { ReferralStatistics } from '../domain/statistics/aggregate-referrals';
import { referralStatistics } from '../domain/statistics/referral-statistics';
import type { StatisticsPeriod } from '../domain/statistics/statistics-period';
import { ReferralOutcomeEnum, ReferralStateEnum } from './referral-enums';

// Aggregates only: no type here carries an id, a reference or anything of one case.

const StatisticsCount = builder.objectRef<CountCell>('StatisticsCount').implement({
  description: `A count; null and suppressed when it concerns fewer than ${MIN_PEOPLE} people, or when it would give such a count away through a total (shown as "<${MIN_PEOPLE}").`,
  fields: (t) => ({
    value: t.int({ nullable: true, resolve: (c) => c.value }),
    suppressed: t.boolean({ resolve: (c) => c.suppressed }),
  }),
});

const StatisticsMeasure = builder.objectRef<MeasureCell>('StatisticsMeasure').implement({
  description: `A ratio or median; null and suppressed when computed from fewer than ${MIN_PEOPLE} people.`,
  fields: (t) => ({
    value: t.float({ nullable: true, resolve: (c) => c.value }),
    suppressed: t.boolean({ resolve: (c) => c.suppressed }),
  }),
});

type StateCount = ReferralStatistics['stateTotals'][number];
const ReferralStateCount = builder.objectRef<StateCount>('ReferralStateCount').implement({
  fields: (t) => ({
    state: t.field({ type: ReferralStateEnum, resolve: (c) => c.state }),
    count: t.field({ type: StatisticsCount, resolve: (c) => c.count }),
  }),
});

const ReferralOutcomeCount = builder.objectRef<ReferralStatistics['outcomes'][number]>('ReferralOutcomeCount').implement({
  fields: (t) => ({
    outcome: t.field({ type: ReferralOutcomeEnum, resolve: (c) => c.outcome }),
    count: t.field({ type: StatisticsCount, resolve: (c) => c.count }),
  }),
});

const ReferralWeek = builder.objectRef<ReferralStatistics['weeks'][number]>('ReferralWeek').implement({
  description: 'Referrals sent in one week (Monday to Sunday, UTC; the first week starts with the quarter) by their current state.',
  fields: (t) => ({
    weekStart: t.field({ type: 'DateTime', resolve: (w) => w.weekStart }),
    states: t.field({ type: [ReferralStateCount], resolve: (w) => w.states }),
    total: t.field({ type: StatisticsCount, resolve: (w) => w.total }),
  }),
});

const ReferralStatisticsRef = builder.objectRef<ReferralStatistics & { period: StatisticsPeriod }>('ReferralStatistics').implement({
  description:
    "The network's referrals sent in one quarter, counted only where the case's consent covers the STATISTICS purpose; " +
    'every cell suppressed before it leaves the cases service.',
  fields: (t) => ({
    year: t.int({ resolve: (s) => s.period.year }),
    quarter: t.int({ resolve: (s) => s.period.quarter }),
    from: t.field({ type: 'DateTime', resolve: (s) => s.period.from }),
    to: t.field({ type: 'DateTime', description: 'Exclusive.', resolve: (s) => s.period.to }),
    minimumCellSize: t.int({ description: 'Cells about fewer people than this are suppressed.', resolve: () => MIN_PEOPLE }),
    weeks: t.field({ type: [ReferralWeek], resolve: (s) => s.weeks }),
    stateTotals: t.field({ type: [ReferralStateCount], description: 'The quarter per state (the weeks summed).', resolve: (s) => s.stateTotals }),
    total: t.field({ type: StatisticsCount, resolve: (s) => s.total }),
    outcomes: t.field({ type: [ReferralOutcomeCount], description: 'How the CLOSED referrals ended.', resolve: (s) => s.outcomes }),
    acceptanceRate: t.field({ type: StatisticsMeasure, description: 'Accepted ÷ answered (accepted or declined), 0–1.', resolve: (s) => s.acceptanceRate }),
    medianHoursToFirstResponse: t.field({ type: StatisticsMeasure, description: 'Sent → accepted or declined, in hours.', resolve: (s) => s.medianHoursToFirstResponse }),
    medianHoursToIntake: t.field({ type: StatisticsMeasure, description: 'Sent → intake, in hours.', resolve: (s) => s.medianHoursToIntake }),
    overdue: t.field({ type: StatisticsCount, description: 'Answered after the deadline, expired, or still unanswered past it.', resolve: (s) => s.overdue }),
  }),
});

builder.queryFields((t) => ({
  referralStatistics: t.field({
    type: ReferralStatisticsRef,
    description: 'Coordinators and auditors: aggregate referral figures of the whole network for one calendar quarter.',
    args: { year: t.arg.int({ required: true }), quarter: t.arg.int({ required: true, description: '1–4' }) },
    resolve: (_root, { year, quarter }, ctx) => referralStatistics(ctx, year, quarter),
  }),
}));
