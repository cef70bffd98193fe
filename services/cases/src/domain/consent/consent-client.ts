import { AppError } from '@haven/kit/src/errors';
import { callForRequest } from '../internal-call';
import type { CasesContext } from '../../context';
import type { VaultCategory } from '../../generated/prisma/enums';

/** One question to the consent service: may `organisationId` see `category` (null: anything) of `caseId` for `purpose` now? */
export interface ConsentQuestion {
  caseId: string;
  organisationId: string;
  category: VaultCategory | null;
  purpose: 'REFERRAL_CARE' | 'STATISTICS';
}
export interface ConsentAnswer {
  allowed: boolean;
  recordId: string | null;
}

/**
 * Asks the consent service (internal route `decide`, contract in services/consent) a batch of questions in one
 * call. No answer is an AppError SERVICE_UNAVAILABLE: callers treat it as "no" (fail closed).
 */
export async function decideConsent(ctx: CasesContext, questions: ConsentQuestion[]): Promise<ConsentAnswer[]> {
  if (questions.length === 0) return [];
  const { answers } = await callForRequest<{ answers: ConsentAnswer[] }>(ctx, 'consent', 'decide', { questions }, 3_000);
  // A malformed answer is no answer: the callers fail closed on SERVICE_UNAVAILABLE.
  if (!Array.isArray(answers) || answers.length !== questions.length) throw new AppError('SERVICE_UNAVAILABLE', 'A part of Haven could not answer; try again');
  return answers;
}
