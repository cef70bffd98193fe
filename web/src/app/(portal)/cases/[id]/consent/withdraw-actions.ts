'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { doneForm, failedForm, formValues, list, parseForm, type FormState } from '@/lib/forms';
import { withdrawConsentOperation } from '@/lib/operations/consent';
import { leaveIfSessionEnded } from '@/lib/session';
import { DATA_CATEGORIES } from '@/lib/vocabulary';

/** No category ticked: the whole record is withdrawn; some ticked: only those categories. */
const withdrawForm = z.object({ categories: list(z.enum(DATA_CATEGORIES)) });

/**
 * Withdraws consent in one step, as the person asked: the whole record or some categories of it. It bites on
 * the partners' next request (the gate asks consent every time); a withdrawn record stays withdrawn.
 */
export async function withdrawConsent(caseId: string, recordId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('CaseConsent');
  const values = formValues(formData);
  const parsed = await parseForm(withdrawForm, values);
  if (!parsed.ok) return parsed.state;
  const { categories } = parsed.data;
  const result = await callGateway(withdrawConsentOperation, {
    variables: { recordId, scope: categories.length > 0 ? { categories } : null },
  });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values);
  }
  revalidatePath(`/cases/${caseId}`, 'layout');
  return doneForm(categories.length > 0 ? t('withdrawnCategories') : t('withdrawnWhole'));
}
