'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { doneForm, failedForm, formValues, list, parseForm, type FormState } from '@/lib/forms';
import { sendReferralOperation } from '@/lib/operations/cases';
import { leaveIfSessionEnded } from '@/lib/session';

const sendForm = z.object({
  idempotencyKey: z.string().uuid(),
  serviceId: list(z.string().uuid()).pipe(z.array(z.string().uuid()).min(1).max(20)),
});

/**
 * Sends the case to every ticked service, one sendReferral each. Each carries the form's key joined with
 * the service, so sending the form twice (or retrying after a lost answer) sends each referral once.
 * Stops at the first refusal and says which were sent before it.
 */
export async function sendReferrals(caseId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = await parseForm(sendForm, values);
  if (!parsed.ok) return parsed.state;
  const t = await getTranslations('CaseMatch');
  let sent = 0;
  for (const serviceId of parsed.data.serviceId) {
    const result = await callGateway(sendReferralOperation, {
      variables: { input: { caseId, serviceId }, idempotencyKey: `${parsed.data.idempotencyKey}:${serviceId}` },
    });
    if (!result.ok) {
      leaveIfSessionEnded(result.failure);
      if (sent > 0) revalidatePath(`/cases/${caseId}`, 'layout');
      const state = await failedForm(result.failure, values, {
        codes: {
          CONSENT_REQUIRED: t('consentRequired'),
          CAPACITY_FULL: t('capacityFull'),
          INVALID_TRANSITION: t('invalidTransition'),
          CONFLICT: t('alreadySent'),
        },
      });
      return sent > 0 ? { ...state, formError: `${t('sentSome', { count: sent })} ${state.formError ?? ''}` } : state;
    }
    sent += 1;
  }
  revalidatePath(`/cases/${caseId}`, 'layout');
  revalidatePath('/cases');
  return doneForm(t('sent', { count: sent }));
}
