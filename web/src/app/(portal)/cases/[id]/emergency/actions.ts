'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { doneForm, failedForm, formValues, parseForm, text, type FormState } from '@/lib/forms';
import { grantEmergencyAccessOperation } from '@/lib/operations/cases';
import { leaveIfSessionEnded } from '@/lib/session';
import { DATA_CATEGORIES } from '@/lib/vocabulary';

const grantForm = z.object({
  organisationId: z.string().uuid(),
  category: z.enum(DATA_CATEGORIES),
  reason: text(1000, 10),
});

/**
 * Breaks the glass: one category opened for one partner without consent, for a few hours. The reason is
 * required (auditors read it) and the grant shows on the case and in its access log.
 */
export async function grantEmergencyAccess(caseId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = await parseForm(grantForm, values);
  if (!parsed.ok) return parsed.state;
  const result = await callGateway(grantEmergencyAccessOperation, { variables: { input: { caseId, ...parsed.data } } });
  const t = await getTranslations('CaseEmergency');
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values, { codes: { INVALID_TRANSITION: t('refused'), CONFLICT: t('refused') } });
  }
  revalidatePath(`/cases/${caseId}`, 'layout');
  return doneForm(t('granted'));
}
