import { hasRole, isSignedIn } from '@haven/kit/src/graphql/permissions';
import type { IRuleTypeMap } from 'graphql-shield/typings/types';
import { caseCoordination } from './case-rules';

// Grants are reachable only through Case.emergencyGrants (coordination access to that case) and as the
// result of the mutation (which checked the case); so their fields need a coordinator and nothing more. A
// partner learns of a grant only as the flag on the personal data it opened (reached through the gate).
const coordinator = hasRole('COORDINATOR');
const GRANT_FIELDS = ['id', 'category', 'organisation', 'reason', 'grantedBy', 'grantedAt', 'expiresAt'];

export const emergencyRules: IRuleTypeMap = {
  Mutation: { grantEmergencyAccess: coordinator },
  Case: { emergencyGrants: caseCoordination },
  EmergencyGrant: Object.fromEntries(GRANT_FIELDS.map((field) => [field, coordinator])),
  EmergencyAccessFlag: { category: isSignedIn, reason: isSignedIn, expiresAt: isSignedIn },
};
