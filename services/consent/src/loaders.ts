import DataLoader from 'dataloader';
import { byIdLoader, requestLoader } from '@haven/kit/src/graphql/loaders';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { ConsentContext } from './context';
import { consentReaderOrganisation } from './domain/consent-access';
import type { ConsentRecord } from './generated/prisma/client';

/** Newest first; versions of one record created in the same millisecond stay in order. */
export const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { version: 'desc' as const }];

/**
 * Per-request loaders. Both filter by the caller's organisation in SQL: another organisation's consent
 * records are never loaded, whatever the rules above them do. A caller who may read none loads nothing.
 */
export function consentLoaders(ctx: ConsentContext) {
  return requestLoader(ctx, 'consent', () => {
    const organisationId = consentReaderOrganisation(ctx.caller);
    return {
      recordById: byIdLoader<ConsentRecord>(async (ids) => {
        const valid = ids.filter(isUuid);
        if (!organisationId || valid.length === 0) return [];
        return ctx.db.consentRecord.findMany({ where: { id: { in: valid }, recordedByOrganisationId: organisationId } });
      }),
      // One query for every Case reference of the request, grouped back per case.
      recordsByCaseId: new DataLoader<string, ConsentRecord[]>(async (caseIds) => {
        const valid = caseIds.filter(isUuid);
        const rows =
          organisationId && valid.length > 0
            ? await ctx.db.consentRecord.findMany({
                where: { caseId: { in: valid }, recordedByOrganisationId: organisationId },
                orderBy: NEWEST_FIRST,
              })
            : [];
        const byCase = new Map<string, ConsentRecord[]>();
        for (const row of rows) {
          const list = byCase.get(row.caseId);
          if (list) list.push(row);
          else byCase.set(row.caseId, [row]);
        }
        return caseIds.map((id) => byCase.get(id) ?? []);
      }),
    };
  });
}
