import type { InternalRoute } from '@haven/kit/src/http/subgraph-server';
import type { ConsentDb } from './db';
import { decideBatch, parseQuestions } from './domain/decide-batch';

/**
 * Routes other parts call, outside the public supergraph (POST /internal/<name>, signed with the caller's
 * own key; kit's callInternal). Any other caller: HTTP 401. Contract:
 *
 *   POST /internal/decide   callers: cases, with or without an end user's identity (its jobs have none)
 *     body { questions: [{ caseId, organisationId, category: IDENTITY|CONTACT|HEALTH|CASE_NOTES|null,
 *                          purpose: REFERRAL_CARE|STATISTICS }] }   1–200 questions
 *     200 { result: { answers: [{ allowed, recordId }] } }   one answer per question, same order;
 *         recordId = the id of the version that allowed it (null when refused)
 *     422 BAD_USER_INPUT   not 1–200 questions, or a malformed one
 *   Semantics (domain/decide.ts): allowed iff the latest version of some record for the case is ACTIVE,
 *   valid now, and covers the purpose, the category (null = any) and the organisation.
 */
export function consentInternalRoutes(db: ConsentDb): Record<string, InternalRoute> {
  return {
    decide: {
      callers: ['cases'],
      requiresIdentity: false,
      handle: async (body) => ({ answers: await decideBatch(db, parseQuestions(body)) }),
    },
  };
}
