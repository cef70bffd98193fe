'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { failedForm, formValues, optionalText, parseForm, type FormState, type FormValues } from '@/lib/forms';
import type { GatewayFailure } from '@/lib/gateway-errors';
import {
  acceptReferralOperation,
  cancelReferralOperation,
  closeReferralOperation,
  declineReferralOperation,
  recordIntakeOperation,
} from '@/lib/operations/inbox';
import { leaveIfSessionEnded } from '@/lib/session';

/** The API's limit for the words given with a reason (services/cases domain/referrals/reasons.ts). */
const REASON_MAX = 1000;

const DECLINE_REASONS = ['NO_CAPACITY', 'NOT_ELIGIBLE', 'CLIENT_NOT_REACHABLE', 'SAFETY_CONCERN', 'OTHER'] as const;
const OUTCOMES = ['COMPLETED', 'CLIENT_LEFT', 'TRANSFERRED', 'REFERRED_ELSEWHERE', 'OTHER'] as const;

/** OTHER needs words (the API refuses OTHER without them too). */
const otherNeedsWords = (code: string, text: string | undefined, context: z.RefinementCtx) => {
  if (code === 'OTHER' && !text) context.addIssue({ code: 'custom', path: ['text'], message: 'required' });
};

const declineSchema = z
  .object({ reason: z.enum(DECLINE_REASONS), text: optionalText(REASON_MAX) })
  .superRefine((value, context) => otherNeedsWords(value.reason, value.text, context));
const closeSchema = z
  .object({ outcome: z.enum(OUTCOMES), text: optionalText(REASON_MAX) })
  .superRefine((value, context) => otherNeedsWords(value.outcome, value.text, context));
const cancelSchema = z.object({ reason: optionalText(REASON_MAX) });

/** After a change the page is shown again with the new state and a confirmation (works without JavaScript). */
function done(referralId: string, what: 'accepted' | 'declined' | 'intake' | 'cancelled' | 'closed'): never {
  redirect(`/inbox/${encodeURIComponent(referralId)}?done=${what}`);
}

async function refused(failure: GatewayFailure, values: FormValues): Promise<FormState> {
  leaveIfSessionEnded(failure);
  const t = await getTranslations('Referral');
  return failedForm(failure, values, {
    codes: {
      INVALID_TRANSITION: t('invalidTransition'),
      CAPACITY_FULL: t('capacityFull'),
      NOT_FOUND: t('notFoundBody'),
    },
  });
}

export async function acceptReferral(referralId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await callGateway(acceptReferralOperation, { variables: { id: referralId } });
  if (!result.ok) return refused(result.failure, values);
  done(referralId, 'accepted');
}

export async function declineReferral(referralId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = await parseForm(declineSchema, values);
  if (!parsed.ok) return parsed.state;
  const { reason } = parsed.data;
  const result = await callGateway(declineReferralOperation, { variables: { id: referralId, reason, text: parsed.data.text ?? null } });
  if (!result.ok) return refused(result.failure, values);
  done(referralId, 'declined');
}

export async function recordIntake(referralId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await callGateway(recordIntakeOperation, { variables: { id: referralId } });
  if (!result.ok) return refused(result.failure, values);
  done(referralId, 'intake');
}

export async function cancelReferral(referralId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = await parseForm(cancelSchema, values);
  if (!parsed.ok) return parsed.state;
  const result = await callGateway(cancelReferralOperation, { variables: { id: referralId, reason: parsed.data.reason ?? null } });
  if (!result.ok) return refused(result.failure, values);
  done(referralId, 'cancelled');
}

export async function closeReferral(referralId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = await parseForm(closeSchema, values);
  if (!parsed.ok) return parsed.state;
  const { outcome } = parsed.data;
  const result = await callGateway(closeReferralOperation, { variables: { id: referralId, outcome, text: parsed.data.text ?? null } });
  if (!result.ok) return refused(result.failure, values);
  done(referralId, 'closed');
}
