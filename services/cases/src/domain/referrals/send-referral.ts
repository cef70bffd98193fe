import { AppError, badInput } from '@haven/kit/src/errors';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { CasesContext } from '../../context';
import type { Referral } from '../../generated/prisma/client';
import { changeEvent } from '../audit/audit-events';
import { mayViewCase } from '../case-access';
import { decideConsent } from '../consent/consent-client';
import { withIdempotency } from '../idempotency';
import { ACTIVE_STATES } from '../referral-access';
import { partnersCall } from './partners-call';
import { partnersClient } from './partners-client';
import { lockCase } from '../../sql';
import { appendTimelineEvent } from './timeline';

const HOUR_MS = 3_600_000;

/**
 * A coordinator sends the case to one partner service. Partners says whose service it is and what it
 * offers (the receiving organisation is taken from partners, never from the caller). In one transaction
 * that first locks the case row — so two sends, or a send and closing the case, cannot interleave — the
 * case must be open and have no active referral to the same service; the referral starts SENT with a
 * response deadline by the case's urgency, and a timeline event. Nothing is held: a sent referral holds
 * no slot (accepting does). With an idempotency key, a retry answers with the first referral and sends nothing.
 */
export async function sendReferral(ctx: CasesContext, input: { caseId: string; serviceId: string; idempotencyKey?: string | null }): Promise<Referral> {
  const caller = ctx.caller;
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const found = isUuid(input.caseId) ? await ctx.db.case.findUnique({ where: { id: input.caseId } }) : null;
  if (!found || !mayViewCase(caller, found)) throw new AppError('NOT_FOUND', 'Case not found');
  if (!isUuid(input.serviceId)) throw badInput('serviceId', 'serviceId is not a valid id');

  const service = await partnersClient.describeService(partnersCall(ctx), input.serviceId).catch((error: unknown) => {
    if (error instanceof AppError && error.extensions.code === 'NOT_FOUND') throw badInput('serviceId', 'Unknown service');
    throw error;
  });
  if (!service.acceptingReferrals) throw badInput('serviceId', 'This organisation is not taking referrals at the moment');
  if (!found.needs.includes(service.type)) throw badInput('serviceId', "This service offers none of the case's needs");
  // Sending shares the case with that organisation: a basis must cover it for referral and care. When the
  // consent service cannot answer, nothing is sent (SERVICE_UNAVAILABLE, retryable).
  const [basis] = await decideConsent(ctx, [{ caseId: found.id, organisationId: service.organisationId, category: null, purpose: 'REFERRAL_CARE' }]);
  if (!basis?.allowed) {
    throw new AppError('CONSENT_REQUIRED', 'No consent or other legal basis covers this organisation for referral and care; record it first');
  }

  const request = { callerSubject: caller.subject, key: input.idempotencyKey, operation: 'sendReferral', input: { caseId: found.id, serviceId: service.serviceId } };
  const { id } = await withIdempotency(ctx.db, request, async (tx, referralId) => {
    const locked = await lockCase(tx, found.id, 'UPDATE');
    if (!locked || locked.status !== 'OPEN') throw new AppError('INVALID_TRANSITION', 'The case is closed');
    const active = await tx.referral.findFirst({
      where: { caseId: found.id, serviceId: service.serviceId, state: { in: [...ACTIVE_STATES] } },
      select: { id: true },
    });
    if (active) throw new AppError('CONFLICT', 'This case already has an active referral to this service');

    const sentAt = new Date();
    const referral = await tx.referral.create({
      data: {
        id: referralId,
        caseId: found.id,
        serviceId: service.serviceId,
        need: service.type,
        organisationId: service.organisationId,
        coordinatingOrganisationId: found.coordinatingOrganisationId,
        sentAt,
        sentByUserId: caller.subject,
        deadlineAt: new Date(sentAt.getTime() + ctx.settings.deadlineHours[locked.urgency] * HOUR_MS),
      },
    });
    await appendTimelineEvent(tx, {
      caseId: found.id,
      referralId: referral.id,
      kind: 'REFERRAL_SENT',
      actor: { userId: caller.subject, organisationId: caller.organisationId },
      toState: 'SENT',
      at: sentAt,
    });
    await writeAuditEvents(tx, [
      {
        ...changeEvent(caller, ctx.requestId, 'referral.send', { caseId: found.id, caseOrganisationId: found.coordinatingOrganisationId, referralId: referral.id }),
        // The basis that allowed sharing the case with that organisation.
        consentRecordId: basis.recordId,
      },
    ]);
    return referral;
  });
  // A replay answers with the referral the first request created, as it is now.
  return ctx.db.referral.findUniqueOrThrow({ where: { id } });
}
