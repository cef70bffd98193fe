'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { doneForm, failedForm, formValues, parseForm, text, type FormState } from '@/lib/forms';
import { withdrawReferralOperation } from '@/lib/operations/cases';
import { leaveIfSessionEnded } from '@/lib/session';

const withdrawForm = z.object({ reason: text(1000) });

/** Withdraws a sent or accepted referral, with the reason the partner and the timeline will show. */
export async function withdrawReferral(caseId: string, referralId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = await parseForm(withdrawForm, values);
  if (!parsed.ok) return parsed.state;
  const result = await callGateway(withdrawReferralOperation, { variables: { id: referralId, reason: parsed.data.reason } });
  const t = await getTranslations('CaseReferral');
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values, { codes: { INVALID_TRANSITION: t('withdrawRefused') } });
  }
  revalidatePath(`/cases/${caseId}`, 'layout');
  revalidatePath('/cases');
  return doneForm(t('withdrawn'));
}
