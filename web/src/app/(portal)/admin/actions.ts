'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { doneForm, failedForm, formValues, parseForm, text, type FormState } from '@/lib/forms';
import { createOrganisationOperation } from '@/lib/operations/identity';
import { leaveIfSessionEnded } from '@/lib/session';
import { ORGANISATION_KINDS } from '@haven/kit/src/taxonomy';

/** A new organisation without members; its first admin is added on its own page. */
export async function createOrganisation(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('Admin');
  const values = formValues(formData);
  const parsed = await parseForm(z.object({ name: text(200, 2), kind: z.enum(ORGANISATION_KINDS) }), values);
  if (!parsed.ok) return parsed.state;

  const result = await callGateway(createOrganisationOperation, { variables: { input: parsed.data } });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    if (result.failure.kind === 'REJECTED' && result.failure.code === 'CONFLICT') {
      return { status: 'failed', fieldErrors: { name: t('nameTaken') }, formError: t('nameTakenSummary'), values };
    }
    return failedForm(result.failure, values);
  }
  revalidatePath('/admin', 'layout');
  return doneForm(t('created', { name: result.data.createOrganisation.name }));
}
