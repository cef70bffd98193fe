import DataLoader from 'dataloader';
import { byIdLoader, groupLoader, requestLoader } from '@haven/kit/src/graphql/loaders';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { CasesContext } from './context';
import type { Case, EmergencyGrant, Referral, ReferralState, TimelineEvent } from './generated/prisma/client';

/** Per-request loaders: all references of one kind in one request become one query. */
export function casesLoaders(ctx: CasesContext) {
  return requestLoader(ctx, 'cases', () => ({
    caseById: byIdLoader<Case>((ids) => ctx.db.case.findMany({ where: { id: { in: ids.filter(isUuid) } } })),
    referralById: byIdLoader<Referral>((ids) => ctx.db.referral.findMany({ where: { id: { in: ids.filter(isUuid) } } })),
    /** A case's referrals, oldest first (coordinators' view of a case). */
    referralsByCase: groupLoader<Referral>(
      (caseIds) => ctx.db.referral.findMany({ where: { caseId: { in: caseIds } }, orderBy: [{ sentAt: 'asc' }, { id: 'asc' }] }),
      (row) => row.caseId,
    ),
    /** Timeline of whole cases (coordinators), oldest first. */
    eventsByCase: groupLoader<TimelineEvent>(
      (caseIds) => ctx.db.timelineEvent.findMany({ where: { caseId: { in: caseIds } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
      (row) => row.caseId,
    ),
    /** Timeline of single referrals (what each side of a referral sees), oldest first. */
    eventsByReferral: groupLoader<TimelineEvent>(
      (referralIds) => ctx.db.timelineEvent.findMany({ where: { referralId: { in: referralIds } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
      (row) => row.referralId ?? '',
    ),
    /** Every emergency grant of whole cases (coordinators), oldest first. */
    emergencyGrantsByCase: groupLoader<EmergencyGrant>(
      (caseIds) => ctx.db.emergencyGrant.findMany({ where: { caseId: { in: caseIds } }, orderBy: { grantedAt: 'asc' } }),
      (row) => row.caseId,
    ),
    /** States of the caller's organisation's referrals per case id (empty when it has none). */
    ownReferralStatesByCase: new DataLoader<string, ReferralState[]>(async (caseIds) => {
      const organisationId = ctx.caller?.organisationId;
      if (!organisationId) return caseIds.map(() => []);
      const rows = await ctx.db.referral.findMany({
        where: { caseId: { in: caseIds.filter(isUuid) }, organisationId },
        select: { caseId: true, state: true },
      });
      return caseIds.map((id) => rows.filter((row) => row.caseId === id).map((row) => row.state));
    }),
  }));
}

