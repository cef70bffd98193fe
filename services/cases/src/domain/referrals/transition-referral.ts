import { AppError } from '@haven/kit/src/errors';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { CasesContext } from '../../context';
import type { Prisma, Referral } from '../../generated/prisma/client';
import type { ReferralState } from '../../generated/prisma/enums';
import { changeEvent } from '../audit/audit-events';
import { referralSideOf } from '../referral-access';
import { partnersCall } from './partners-call';
import { partnersClient } from './partners-client';
import { reportResponse } from './report-response';
import { lockCase, REFERRAL } from '../../sql';
import { appendTimelineEvent } from './timeline';
import { planTransition, type PlannedTransition, type ReferralAction } from './transitions';

/** What an action writes besides the state (reasons, outcome, times), already validated. */
export type TransitionDetails = Pick<Prisma.ReferralUpdateInput, 'declineReason' | 'outcome' | 'reasonText'> & {
  /** The code the timeline shows as the reason (decline reason, outcome); words go in reasonText. */
  reasonCode?: string | null;
};

export interface TransitionResult {
  referral: Referral;
  plan: PlannedTransition;
  /** Referrals withdrawn as "placed elsewhere" by this acceptance. */
  placedElsewhere: string[];
}

/**
 * Moves one referral by one action for the caller, as one transaction: lock the referral row, check the
 * transition against the locked state (so of two people pressing the same button one wins and the other
 * gets INVALID_TRANSITION), hold a slot when accepting (partners' hold is idempotent by referral id and
 * happens while the row is locked: if it fails — full, or partners unreachable — the transaction rolls
 * back and nothing changed), write the new state and a timeline event, and on acceptance withdraw the
 * case's other pending referrals for the same need as "placed elsewhere".
 *
 * After the commit: leaving a holding state releases the slot, and answers are reported to partners'
 * response record — both idempotent and best effort here; the reconciliation jobs repair a lost call.
 * Someone who is neither side of the referral gets NOT_FOUND, as for a referral that does not exist.
 */
export async function transitionReferral(
  ctx: CasesContext,
  referralId: string,
  action: ReferralAction,
  details: TransitionDetails = {},
): Promise<TransitionResult> {
  const caller = ctx.caller;
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const current = isUuid(referralId) ? await ctx.db.referral.findUnique({ where: { id: referralId } }) : null;
  const side = referralSideOf(caller, current);
  if (!current || !side) throw new AppError('NOT_FOUND', 'Referral not found');
  // Refuse early (no partners call, no lock) when it cannot work; the check is repeated on the locked row.
  planTransition(current.state, action, side);

  // A token is no person: the timeline names its organisation only.
  const actor = { userId: caller.kind === 'integration' ? null : caller.subject, organisationId: caller.organisationId };
  let held = false;
  let result: TransitionResult;
  try {
    result = await ctx.db.$transaction(
      async (tx) => {
        // Accepting may withdraw the case's other referrals for the need: lock the case first, so two
        // partners accepting sibling referrals at once queue here instead of deadlocking on each other's rows.
        if (action === 'ACCEPT') await lockCase(tx, current.caseId, 'UPDATE');
        const [locked] = await tx.$queryRaw<{ state: ReferralState }[]>`
          SELECT "state" FROM ${REFERRAL} WHERE "id" = ${current.id}::uuid FOR UPDATE`;
        const plan = planTransition(locked!.state, action, side);
        if (plan.capacity === 'HOLD') {
          await partnersClient.holdSlot(partnersCall(ctx), current.serviceId, current.id);
          held = true;
        }
        const now = new Date();
        const { reasonCode, ...fields } = details;
        const referral = await tx.referral.update({
          where: { id: current.id },
          data: { ...fields, state: plan.to, ...timesFor(action, now) },
        });
        await appendTimelineEvent(tx, {
          caseId: current.caseId,
          referralId: current.id,
          kind: plan.event,
          actor,
          fromState: plan.from,
          toState: plan.to,
          reasonCode: reasonCode ?? null,
          reasonText: typeof fields.reasonText === 'string' ? fields.reasonText : '',
          at: now,
        });
        const placedElsewhere = action === 'ACCEPT' ? await withdrawOtherPending(tx, referral, now) : [];
        // Last statement: the audit chain's lock is held until commit.
        const subject = { caseId: current.caseId, caseOrganisationId: current.coordinatingOrganisationId };
        await writeAuditEvents(tx, [
          changeEvent(caller, ctx.requestId, `referral.${action.toLowerCase().replace('_', '-')}`, { ...subject, referralId: current.id }),
          ...placedElsewhere.map((id) => changeEvent(null, ctx.requestId, 'referral.withdraw-placed-elsewhere', { ...subject, referralId: id })),
        ]);
        return { referral, plan, placedElsewhere };
      },
      { isolationLevel: 'ReadCommitted', maxWait: 10_000, timeout: 20_000 },
    );
  } catch (error) {
    // The slot was held but the transaction did not commit: give it back now rather than wait for the job.
    if (held) await releaseQuietly(ctx, current.id);
    throw error;
  }

  if (result.plan.capacity === 'RELEASE') await releaseQuietly(ctx, current.id);
  if (action === 'ACCEPT' || action === 'DECLINE') await reportResponse(ctx.db, partnersCall(ctx), result.referral);
  return result;
}

function timesFor(action: ReferralAction, now: Date): Prisma.ReferralUpdateInput {
  switch (action) {
    case 'ACCEPT':
    case 'DECLINE':
      return { respondedAt: now };
    case 'RECORD_INTAKE':
      return { intakeAt: now };
    default:
      return { endedAt: now };
  }
}

/**
 * "Placed elsewhere": the case's other referrals for the same need that are still SENT (they hold
 * nothing) are withdrawn by the system in the same transaction; their partners see the reason code.
 * The event does not say where the person was placed.
 */
async function withdrawOtherPending(tx: Prisma.TransactionClient, accepted: Referral, now: Date): Promise<string[]> {
  const pending = await tx.referral.findMany({
    where: { caseId: accepted.caseId, need: accepted.need, state: 'SENT', id: { not: accepted.id } },
    select: { id: true },
  });
  const withdrawn: string[] = [];
  for (const { id } of pending) {
    // Conditional: a referral answered meanwhile (it is not locked here) keeps its answer.
    const { count } = await tx.referral.updateMany({
      where: { id, state: 'SENT' },
      data: { state: 'WITHDRAWN', endedAt: now, reasonText: '' },
    });
    if (count === 0) continue;
    withdrawn.push(id);
    await appendTimelineEvent(tx, {
      caseId: accepted.caseId,
      referralId: id,
      kind: 'REFERRAL_WITHDRAWN',
      actor: { userId: null, organisationId: null },
      fromState: 'SENT',
      toState: 'WITHDRAWN',
      reasonCode: 'PLACED_ELSEWHERE',
      at: now,
    });
  }
  return withdrawn;
}

async function releaseQuietly(ctx: CasesContext, referralId: string): Promise<void> {
  try {
    await partnersClient.releaseSlot(partnersCall(ctx), referralId);
  } catch (error) {
    // The reconciliation job releases holds of referrals that no longer hold; say so, without personal data.
    ctx.log.warn('slot release deferred to reconciliation', { referralId, requestId: ctx.requestId, code: codeOf(error) });
  }
}

function codeOf(error: unknown): string {
  return error instanceof AppError ? String(error.extensions.code) : 'UNEXPECTED';
}
