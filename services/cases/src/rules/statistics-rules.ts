import { hasRole, isSignedIn } from '@haven/kit/src/graphql/permissions';
import type { IRuleTypeMap } from 'graphql-shield/typings/types';

// Network statistics are for the coordinating organisation's coordinators and auditors (DESIGN.md: auditors
// read aggregate statistics). The root field is the gate: below it are only suppressed aggregates, so their
// fields need no more than a signed-in caller who got through it.
const statisticsReader = hasRole('COORDINATOR', 'AUDITOR');
const FIELDS: Record<string, readonly string[]> = {
  ReferralStatistics: [
    'year', 'quarter', 'from', 'to', 'minimumCellSize', 'weeks', 'stateTotals', 'total', 'outcomes',
    'acceptanceRate', 'medianHoursToFirstResponse', 'medianHoursToIntake', 'overdue',
  ],
  ReferralWeek: ['weekStart', 'states', 'total'],
  ReferralStateCount: ['state', 'count'],
  ReferralOutcomeCount: ['outcome', 'count'],
  StatisticsCount: ['value', 'suppressed'],
  StatisticsMeasure: ['value', 'suppressed'],
};

export const statisticsRules: IRuleTypeMap = {
  Query: { referralStatistics: statisticsReader },
  ...Object.fromEntries(Object.entries(FIELDS).map(([type, fields]) => [type, Object.fromEntries(fields.map((field) => [field, isSignedIn]))])),
};
