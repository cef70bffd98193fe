import { badInput } from '@haven/kit/src/errors';
import type { DeclineReason, ReferralOutcome } from '../../generated/prisma/enums';

export const REASON_TEXT_MAX = 1000;

/** Words given with a transition: trimmed, at most REASON_TEXT_MAX characters; `required` refuses empty. */
export function reasonText(field: string, value: string | null | undefined, required: boolean): string {
  const text = (value ?? '').trim();
  if (required && text.length === 0) throw badInput(field, 'Give a reason in words');
  if (text.length > REASON_TEXT_MAX) throw badInput(field, `At most ${REASON_TEXT_MAX} characters`);
  return text;
}

/** A decline needs a reason code; OTHER needs words too. */
export function declineDetails(reason: DeclineReason | null | undefined, text: string | null | undefined) {
  if (!reason) throw badInput('reason', 'Choose why the referral is declined');
  return { declineReason: reason, reasonText: reasonText('text', text, reason === 'OTHER') };
}

/** Closing needs an outcome; OTHER needs words too. */
export function outcomeDetails(outcome: ReferralOutcome | null | undefined, text: string | null | undefined) {
  if (!outcome) throw badInput('outcome', 'Choose how the care ended');
  return { outcome, reasonText: reasonText('text', text, outcome === 'OTHER') };
}
