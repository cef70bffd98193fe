import { hasRole, isSignedIn, objectRule } from '@haven/kit/src/graphql/permissions';
import type { IRuleTypeMap } from 'graphql-shield/typings/types';
import { CASE_ACCESS_FOR, hasCaseAccess } from '../domain/case-access';

const coordinator = hasRole('COORDINATOR');

// Every Case field, wherever the Case came from (`case`, `cases`, a referral, `_entities`), checks the
// access decided when the row entered the response (domain/case-access.ts). Never cached: one item's
// answer must not leak to the next.
export const caseFacts = objectRule('caseFacts', (row: { access?: unknown }) => hasCaseAccess(row, CASE_ACCESS_FOR.facts));
export const caseCare = objectRule('caseCare', (row: { access?: unknown }) => hasCaseAccess(row, CASE_ACCESS_FOR.care));
export const caseCoordination = objectRule('caseCoordination', (row: { access?: unknown }) => hasCaseAccess(row, CASE_ACCESS_FOR.coordination));

export const caseRules: IRuleTypeMap = {
  Query: {
    cases: coordinator,
    case: coordinator,
    _entities: isSignedIn,
    _service: isSignedIn,
  },
  Mutation: {
    createCase: coordinator,
    updateCasePersonalData: coordinator,
    handOverCase: coordinator,
    closeCase: coordinator,
  },
  // A page only carries cases; each one is checked by the Case rules below.
  CaseConnection: { nodes: isSignedIn, endCursor: isSignedIn, hasNextPage: isSignedIn },
  Case: {
    id: caseFacts,
    reference: caseFacts,
    urgency: caseFacts,
    needs: caseFacts,
    status: caseFacts,
    createdAt: caseFacts,
    coordinatingOrganisation: caseFacts,
    ageGroup: caseFacts,
    gender: caseFacts,
    languages: caseFacts,
    province: caseFacts,
    exploitationType: caseCare,
    place: caseCare,
    age: caseCoordination,
    coordinator: caseCoordination,
    closedAt: caseCoordination,
    // Any viewer of the case reaches the object; which categories it holds is the gate's decision
    // (domain/personal-data-gate.ts), made per case when the field resolves.
    personalData: caseFacts,
  },
  // Built only by Case.personalData from the gate's answer: a withheld category is already null.
  CasePersonalData: isSignedIn,
  IdentityData: isSignedIn,
  ContactData: isSignedIn,
  HealthData: isSignedIn,
  CaseNotesData: isSignedIn,
  // Stubs of identity's entities: only a key, reachable only through a Case the caller may see.
  Organisation: { id: isSignedIn },
  User: { id: isSignedIn },
  _Service: isSignedIn,
};
