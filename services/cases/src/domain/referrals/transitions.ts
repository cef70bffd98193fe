import { AppError } from '@haven/kit/src/errors';
import type { ReferralState, TimelineEventKind } from '../../generated/prisma/enums';
import { HOLDING_STATES, type ReferralSide } from '../referral-access';

/**
 * The referral state machine (DESIGN.md "Referral workflow") as data: which side may take which action
 * from which states, and where it leads. Pure: the transition code and the table-driven tests read it.
 *
 *   sent → accepted | declined | withdrawn | expired;  accepted → in care | withdrawn | cancelled;  in care → closed
 */
export const REFERRAL_ACTIONS = ['ACCEPT', 'DECLINE', 'WITHDRAW', 'RECORD_INTAKE', 'CANCEL', 'CLOSE', 'EXPIRE'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/** Who acts: one of the referral's two sides, or the system (the expiry job). */
export type ReferralActor = ReferralSide | 'SYSTEM';

interface TransitionRule {
  actor: ReferralActor;
  from: readonly ReferralState[];
  to: ReferralState;
  event: TimelineEventKind;
}

export const TRANSITIONS: Readonly<Record<ReferralAction, TransitionRule>> = {
  ACCEPT: { actor: 'PARTNER', from: ['SENT'], to: 'ACCEPTED', event: 'REFERRAL_ACCEPTED' },
  DECLINE: { actor: 'PARTNER', from: ['SENT'], to: 'DECLINED', event: 'REFERRAL_DECLINED' },
  WITHDRAW: { actor: 'COORDINATOR', from: ['SENT', 'ACCEPTED'], to: 'WITHDRAWN', event: 'REFERRAL_WITHDRAWN' },
  EXPIRE: { actor: 'SYSTEM', from: ['SENT'], to: 'EXPIRED', event: 'REFERRAL_EXPIRED' },
  RECORD_INTAKE: { actor: 'PARTNER', from: ['ACCEPTED'], to: 'IN_CARE', event: 'REFERRAL_IN_CARE' },
  CANCEL: { actor: 'PARTNER', from: ['ACCEPTED'], to: 'CANCELLED', event: 'REFERRAL_CANCELLED' },
  CLOSE: { actor: 'PARTNER', from: ['IN_CARE'], to: 'CLOSED', event: 'REFERRAL_CLOSED' },
};

/** What a transition does to the receiving service's capacity: accepting holds a slot, leaving a holding state releases it. */
export type CapacityEffect = 'HOLD' | 'RELEASE' | 'NONE';

export interface PlannedTransition {
  from: ReferralState;
  to: ReferralState;
  event: TimelineEventKind;
  capacity: CapacityEffect;
}

export function capacityEffect(from: ReferralState, to: ReferralState): CapacityEffect {
  const heldBefore = HOLDING_STATES.includes(from);
  const heldAfter = HOLDING_STATES.includes(to);
  if (!heldBefore && heldAfter) return 'HOLD';
  if (heldBefore && !heldAfter) return 'RELEASE';
  return 'NONE';
}

/**
 * The transition `actor` may make with `action` from `state`, or a typed refusal: FORBIDDEN when the
 * action belongs to the other side (a coordinator cannot accept), INVALID_TRANSITION when this side may
 * take the action but not from this state (accepting a declined referral). The side check comes first,
 * so the answer never tells the wrong side anything about the state.
 */
export function planTransition(state: ReferralState, action: ReferralAction, actor: ReferralActor): PlannedTransition {
  const rule = TRANSITIONS[action];
  if (rule.actor !== actor) throw new AppError('FORBIDDEN', 'Not allowed for your side of this referral');
  if (!rule.from.includes(state)) {
    throw new AppError('INVALID_TRANSITION', `A referral that is ${state.toLowerCase().replace('_', ' ')} cannot be ${PAST_TENSE[action]}`, {
      state,
      action,
    });
  }
  return { from: state, to: rule.to, event: rule.event, capacity: capacityEffect(state, rule.to) };
}

const PAST_TENSE: Record<ReferralAction, string> = {
  ACCEPT: 'accepted',
  DECLINE: 'declined',
  WITHDRAW: 'withdrawn',
  EXPIRE: 'expired',
  RECORD_INTAKE: 'taken into care',
  CANCEL: 'cancelled',
  CLOSE: 'closed',
};
