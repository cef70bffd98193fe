import { AppError } from '@haven/kit/src/errors';
import type { CasesDb } from '../../db';
import type { Referral } from '../../generated/prisma/client';
import { partnersClient, type PartnersCall, type ResponseOutcome } from './partners-client';

/** How a referral was answered, read from the row: a decline has a reason, an expiry its state, else it was accepted. */
export function responseOutcomeOf(referral: Pick<Referral, 'respondedAt' | 'declineReason' | 'state'>): ResponseOutcome | null {
  if (!referral.respondedAt) return null;
  if (referral.declineReason) return 'DECLINED';
  if (referral.state === 'EXPIRED') return 'EXPIRED';
  return 'ACCEPTED';
}

/**
 * Tells partners how the referral was answered (its response record, used by matching) and marks it
 * reported. Best effort: a failure is logged and the report-responses job sends it again later
 * (partners' route is idempotent by referral id).
 */
export async function reportResponse(db: CasesDb, call: PartnersCall, referral: Referral): Promise<boolean> {
  const outcome = responseOutcomeOf(referral);
  if (!outcome || referral.responseReportedAt) return false;
  try {
    await partnersClient.recordResponse(call, {
      referralId: referral.id,
      serviceId: referral.serviceId,
      outcome,
      sentAt: referral.sentAt,
      // An expiry counts at the deadline: the partner had until then.
      respondedAt: outcome === 'EXPIRED' ? referral.deadlineAt : referral.respondedAt!,
    });
  } catch (error) {
    const code = error instanceof AppError ? String(error.extensions.code) : 'UNEXPECTED';
    // CONFLICT (partners holds another answer) or NOT_FOUND (the service is gone) will not change on a
    // retry: mark it reported so the job stops asking, and say so.
    const final = code === 'CONFLICT' || code === 'NOT_FOUND';
    call.log.warn(final ? 'response report refused' : 'response report deferred', { referralId: referral.id, requestId: call.requestId, code });
    if (!final) return false;
  }
  await db.referral.updateMany({ where: { id: referral.id, responseReportedAt: null }, data: { responseReportedAt: new Date() } });
  return true;
}
