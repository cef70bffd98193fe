import DataLoader from 'dataloader';
import { byIdLoader, groupBy, requestLoader } from '@haven/kit/src/graphql/loaders';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { ConsentContext } from './context';
import { consentReaderOrganisation } from './domain/consent-access';
import { latestVersions } from './domain/decide';
import type { ConsentRecord } from './generated/prisma/client';

/** Newest first; versions of one record created in the same millisecond stay in order. */
export const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { version: 'desc' as const }];

/** The latest version of each record among `rows`, keeping the order of `rows` (newest first stays so). */
export function latestInOrder(rows: ConsentRecord[]): ConsentRecord[] {
  const latest = new Set(latestVersions(rows));
  return rows.filter((row) => latest.has(row));
}

/**
 * Per-request loaders. Each filters by the caller's organisation in SQL: another organisation's consent
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
      // One query for every Case reference of the request, grouped back per case: latest version per record.
      recordsByCaseId: new DataLoader<string, ConsentRecord[]>(async (caseIds) => {
        const valid = caseIds.filter(isUuid);
        const rows =
          organisationId && valid.length > 0
            ? await ctx.db.consentRecord.findMany({
                where: { caseId: { in: valid }, recordedByOrganisationId: organisationId },
                orderBy: NEWEST_FIRST,
              })
            : [];
        const byCase = groupBy(latestInOrder(rows), (row) => row.caseId);
        return caseIds.map((id) => byCase.get(id) ?? []);
      }),
      // One query for the histories of every record in the response, oldest version first.
      versionsByRecordId: new DataLoader<string, ConsentRecord[]>(async (recordIds) => {
        const valid = recordIds.filter(isUuid);
        const rows =
          organisationId && valid.length > 0
            ? await ctx.db.consentRecord.findMany({
                where: { recordId: { in: valid }, recordedByOrganisationId: organisationId },
                orderBy: { version: 'asc' },
              })
            : [];
        const byRecord = groupBy(rows, (row) => row.recordId);
        return recordIds.map((id) => byRecord.get(id) ?? []);
      }),
    };
  });
}
