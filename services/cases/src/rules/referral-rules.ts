import { hasRole, isSignedIn, objectRule, roleOrScope } from '@haven/kit/src/graphql/permissions';
import type { IRuleTypeMap } from 'graphql-shield/typings/types';
import { referralSideOf } from '../domain/referral-access';
import { caseCoordination } from './case-rules';

const coordinator = hasRole('COORDINATOR');
// Partner staff and admins, or their organisation's integration token with the scope (API tokens).
const partnerReader = roleOrScope(['PARTNER_STAFF', 'PARTNER_ADMIN'], 'referrals:read');
const partnerWriter = roleOrScope(['PARTNER_STAFF', 'PARTNER_ADMIN'], 'referrals:write');
const anyReader = roleOrScope(['COORDINATOR', 'PARTNER_STAFF', 'PARTNER_ADMIN'], 'referrals:read');

type Parties = { organisationId?: string | null; coordinatingOrganisationId?: string | null };

// A referral, and every event of its timeline, is seen only by its two sides; the rule reads both
// organisations from the object itself, so list, by-id and nested paths answer alike. Never cached.
const referralParty = objectRule('referralParty', (row: Parties, ctx) => referralSideOf(ctx.caller, row) !== null);
const eventParty = objectRule('eventParty', (event: Parties, ctx) => referralSideOf(ctx.caller, event) !== null);

const REFERRAL_FIELDS = [
  'id', 'state', 'need', 'service', 'organisation', 'coordinatingOrganisation', 'case', 'sentBy', 'sentAt', 'deadlineAt',
  'overdue', 'respondedAt', 'intakeAt', 'endedAt', 'declineReason', 'outcome', 'reasonText', 'timeline',
] as const;
const EVENT_FIELDS = ['id', 'kind', 'at', 'referralId', 'actor', 'actorOrganisation', 'subject', 'fromState', 'toState', 'reasonCode', 'reasonText'] as const;

/** Referrals, their timeline, and the queries and mutations of the workflow. */
export const referralRules: IRuleTypeMap = {
  Query: {
    // The resolver answers NOT_FOUND unless the caller is one of the two sides.
    referral: anyReader,
    incomingReferrals: partnerReader,
    sentReferrals: coordinator,
    overdueReferrals: coordinator,
  },
  Mutation: {
    sendReferral: coordinator,
    withdrawReferral: coordinator,
    acceptReferral: partnerWriter,
    declineReferral: partnerWriter,
    recordIntake: partnerWriter,
    cancelReferral: partnerWriter,
    closeReferral: partnerWriter,
  },
  Referral: Object.fromEntries(REFERRAL_FIELDS.map((field) => [field, referralParty])),
  // A page only carries referrals; each one is checked by the Referral rules above.
  ReferralConnection: { nodes: isSignedIn, endCursor: isSignedIn, hasNextPage: isSignedIn },
  TimelineEvent: Object.fromEntries(EVENT_FIELDS.map((field) => [field, eventParty])),
  Case: { referrals: caseCoordination, timeline: caseCoordination },
  // Partners' entity stub: only a key, reachable only through a referral the caller may see.
  Service: { id: isSignedIn },
};
