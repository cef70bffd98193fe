import { AppError } from '@haven/kit/src/errors';
import { callInternal } from '@haven/kit/src/http/internal-client';
import type { ConsentContext } from '../context';
import { casesUrlOf } from '../settings';

/**
 * What the cases service tells consent about a case (contract: services/cases/src/internal-routes.ts,
 * `consent-subject`; services never import each other, so the type is ours).
 */
export interface ConsentSubject {
  caseId: string;
  coordinatingOrganisationId: string;
  status: 'OPEN' | 'CLOSED';
  age: number | null;
  ageGroup: 'UNDER_16' | 'AGE_16_17' | 'AGE_18_23' | 'AGE_24_PLUS' | null;
}

const TIMEOUT_MS = 5_000;

/**
 * The case as its owner knows it, asked for the request's end user. Only a case of the caller's active
 * organisation comes back: another organisation's case answers NOT_FOUND exactly like an unknown one, so
 * the error does not confirm that a case id exists. No answer from cases → SERVICE_UNAVAILABLE (nothing
 * is recorded without knowing whose case it is).
 */
export async function subjectOfOwnCase(ctx: ConsentContext, caseId: string): Promise<ConsentSubject> {
  const baseUrl = casesUrlOf(ctx.settings);
  if (!baseUrl || !ctx.keys) throw new AppError('SERVICE_UNAVAILABLE', 'A part of Haven did not answer; try again');
  const subject = await callInternal<ConsentSubject>({
    keys: ctx.keys,
    target: 'cases',
    baseUrl,
    route: 'consent-subject',
    body: { caseId },
    identityToken: ctx.identityToken,
    requestId: ctx.requestId,
    timeoutMs: TIMEOUT_MS,
    onFailure: (failure) => ctx.log.warn('internal call failed', { ...failure, requestId: ctx.requestId }),
  });
  if (!ctx.caller?.organisationId || subject.coordinatingOrganisationId !== ctx.caller.organisationId) {
    throw new AppError('NOT_FOUND', 'Case not found');
  }
  return subject;
}

/** Under 16, or not known to be 16 or older: the person's own consent is not enough on its own. */
export function mayConsentAlone(subject: Pick<ConsentSubject, 'age' | 'ageGroup'>): boolean {
  if (subject.age !== null && subject.age !== undefined) return subject.age >= 16;
  return subject.ageGroup !== null && subject.ageGroup !== undefined && subject.ageGroup !== 'UNDER_16';
}
