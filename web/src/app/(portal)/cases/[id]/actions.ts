'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { doneForm, failedForm, formValues, optionalText, parseForm, type FormState } from '@/lib/forms';
import { closeCaseOperation } from '@/lib/operations/cases';
import { leaveIfSessionEnded } from '@/lib/session';

const closeForm = z.object({ reason: optionalText(1000) });

/** Closes the case; the API refuses while a referral is still active, which the page says in its words. */
export async function closeCase(caseId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = await parseForm(closeForm, values);
  if (!parsed.ok) return parsed.state;
  const result = await callGateway(closeCaseOperation, { variables: { caseId, reason: parsed.data.reason } });
  const t = await getTranslations('CasePage');
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values, { codes: { INVALID_TRANSITION: t('closeRefused') } });
  }
  revalidatePath(`/cases/${caseId}`);
  revalidatePath('/cases');
  return doneForm(t('closed'));
}
