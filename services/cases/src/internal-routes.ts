import { AppError, badInput } from '@haven/kit/src/errors';
import type { InternalRoute } from '@haven/kit/src/http/subgraph-server';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { CasesDb } from './db';

/**
 * Routes other parts call, outside the public supergraph (POST /internal/<name>, signed with the caller's own
 * key; kit's callInternal). Contract:
 *
 *   POST /internal/consent-subject  { caseId }   callers: consent, with the end user's identity
 *     200 { result: { caseId, coordinatingOrganisationId, status, age, ageGroup } }
 *     422 NOT_FOUND (unknown case) · 422 BAD_USER_INPUT (not an id)
 *   What the consent service needs to record consent: whose case it is (only that organisation's coordinators
 *   record consent for it) and how old the person is (under 16 their own consent is not enough). Facts only:
 *   no personal data leaves the vault this way.
 */
export function casesInternalRoutes(db: CasesDb): Record<string, InternalRoute> {
  return {
    'consent-subject': {
      callers: ['consent'],
      requiresIdentity: true,
      handle: async (body) => {
        const caseId = (body as { caseId?: unknown } | null)?.caseId;
        if (!isUuid(caseId)) throw badInput('caseId', 'caseId is not a valid id');
        const row = await db.case.findUnique({
          where: { id: caseId },
          select: { id: true, coordinatingOrganisationId: true, status: true, age: true, ageGroup: true },
        });
        if (!row) throw new AppError('NOT_FOUND', 'Case not found');
        return { caseId: row.id, coordinatingOrganisationId: row.coordinatingOrganisationId, status: row.status, age: row.age, ageGroup: row.ageGroup };
      },
    },
  };
}
