import { hasRole, isSignedIn } from '@haven/kit/src/graphql/permissions';
import type { IRuleTypeMap } from 'graphql-shield/typings/types';

// Network statistics are for the coordinating organisation's coordinators and auditors. The root field is the
// gate: below it are only suppressed aggregates, so their fields need a signed-in caller who got through it.
const statisticsReader = hasRole('COORDINATOR', 'AUDITOR');
const FIELDS: Record<string, readonly string[]> = {
  CapacityStatisticsRow: ['province', 'serviceType', 'services', 'totalSlots', 'heldSlots', 'utilisation'],
  HeldSlotsCount: ['value', 'suppressed'],
  UtilisationShare: ['value', 'suppressed'],
};

export const statisticsRules: IRuleTypeMap = {
  Query: { capacityStatistics: statisticsReader },
  ...Object.fromEntries(Object.entries(FIELDS).map(([type, fields]) => [type, Object.fromEntries(fields.map((field) => [field, isSignedIn]))])),
};
