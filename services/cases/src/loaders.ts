import DataLoader from 'dataloader';
import { byIdLoader, requestLoader } from '@haven/kit/src/graphql/loaders';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { CasesContext } from './context';
import type { Case, Referral, ReferralState } from './generated/prisma/client';

/** Per-request loaders: all references of one kind in one request become one query. */
export function casesLoaders(ctx: CasesContext) {
  return requestLoader(ctx, 'cases', () => ({
    caseById: byIdLoader<Case>((ids) => ctx.db.case.findMany({ where: { id: { in: ids.filter(isUuid) } } })),
    referralById: byIdLoader<Referral>((ids) => ctx.db.referral.findMany({ where: { id: { in: ids.filter(isUuid) } } })),
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
