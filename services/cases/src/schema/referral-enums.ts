import { builder } from '../builder';

// Values mirror the Prisma enums of the same names (prisma/cases/schema.prisma).

export const ReferralStateEnum = builder.enumType('ReferralState', {
  description: 'sent → accepted | declined | withdrawn | expired; accepted → in care | withdrawn | cancelled; in care → closed',
  values: ['SENT', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED', 'IN_CARE', 'CANCELLED', 'CLOSED'] as const,
});

export const DeclineReasonEnum = builder.enumType('DeclineReason', {
  values: ['NO_CAPACITY', 'NOT_ELIGIBLE', 'CLIENT_NOT_REACHABLE', 'SAFETY_CONCERN', 'OTHER'] as const,
});

export const ReferralOutcomeEnum = builder.enumType('ReferralOutcome', {
  description: 'How care that began with a referral ended',
  values: ['COMPLETED', 'CLIENT_LEFT', 'TRANSFERRED', 'REFERRED_ELSEWHERE', 'OTHER'] as const,
});

export const TimelineEventKindEnum = builder.enumType('TimelineEventKind', {
  values: [
    'CASE_OPENED',
    'CASE_HANDED_OVER',
    'CASE_CLOSED',
    'REFERRAL_SENT',
    'REFERRAL_ACCEPTED',
    'REFERRAL_DECLINED',
    'REFERRAL_WITHDRAWN',
    'REFERRAL_EXPIRED',
    'REFERRAL_ESCALATED',
    'REFERRAL_IN_CARE',
    'REFERRAL_CANCELLED',
    'REFERRAL_CLOSED',
  ] as const,
});
