import { getVocabulary } from '@/i18n/vocabulary';

/**
 * Urgency and referral state as a badge with words: the colour only repeats what the text says, so
 * nothing depends on seeing it.
 */

type Urgency = 'IMMEDIATE' | 'URGENT' | 'STANDARD';
type ReferralState = 'SENT' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN' | 'EXPIRED' | 'IN_CARE' | 'CANCELLED' | 'CLOSED';

const URGENCY_CLASS: Record<Urgency, string> = {
  IMMEDIATE: 'badge badge-danger',
  URGENT: 'badge badge-warning',
  STANDARD: 'badge',
};

const STATE_CLASS: Record<ReferralState, string> = {
  SENT: 'badge badge-info',
  ACCEPTED: 'badge badge-positive',
  IN_CARE: 'badge badge-positive',
  DECLINED: 'badge badge-warning',
  EXPIRED: 'badge badge-danger',
  WITHDRAWN: 'badge',
  CANCELLED: 'badge',
  CLOSED: 'badge',
};

export async function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const vocabulary = await getVocabulary();
  return <span className={URGENCY_CLASS[urgency]}>{vocabulary.urgency(urgency)}</span>;
}

export async function StateBadge({ state }: { state: ReferralState }) {
  const vocabulary = await getVocabulary();
  return <span className={STATE_CLASS[state]}>{vocabulary.referralState(state)}</span>;
}

/** Referral states a coordinator may still withdraw (the API's rule: sent or accepted). */
export const WITHDRAWABLE: readonly ReferralState[] = ['SENT', 'ACCEPTED'];
/** States in which a referral still holds the case's attention (the API's default "active" set). */
export const ACTIVE_STATES: readonly ReferralState[] = ['SENT', 'ACCEPTED', 'IN_CARE'];
