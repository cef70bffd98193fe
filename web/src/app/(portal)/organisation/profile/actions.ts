'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { doneForm, failedForm, formValues, list, parseForm, text, checkbox, type FormState } from '@/lib/forms';
import { updateOrganisationProfileOperation } from '@/lib/operations/partners';
import { leaveIfSessionEnded, loadSession } from '@/lib/session';
import { CARE_KINDS, provinceSchema } from '@/lib/vocabulary';
import { bothOrNeither, coordinate, languageCodes, orEmpty, postalCode } from '../field-rules';

/** Saves the whole profile form for the active organisation (the gateway checks the admin role again). */
export async function saveProfile(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('OrganisationProfile');
  const values = formValues(formData);
  const schema = z
    .object({
      careKind: z.enum(CARE_KINDS),
      description: z.string().trim().max(2000),
      province: provinceSchema,
      regionsServed: list(provinceSchema),
      street: z.string().trim().max(200),
      postalCode: orEmpty(postalCode(t('postalCodeInvalid'))),
      city: text(100),
      latitude: coordinate(90, t('coordinateInvalid')),
      longitude: coordinate(180, t('coordinateInvalid')),
      intakePhone: z.string().trim().max(30).refine((value) => value === '' || /^\+?[0-9][0-9 ()-]{5,24}$/.test(value), { message: t('phoneInvalid') }),
      intakeEmail: orEmpty(z.email().max(254)),
      intakeHours: z.string().trim().max(200),
      languages: languageCodes(t('languagesInvalid')),
      acceptingReferrals: checkbox,
    })
    .superRefine(bothOrNeither(t('coordinatesTogether')));
  const parsed = await parseForm(schema, values);
  if (!parsed.ok) return parsed.state;

  const loaded = await loadSession();
  const organisationId = loaded.ok ? loaded.session.activeOrganisation?.id : undefined;
  if (!organisationId) return failedForm({ kind: 'FORBIDDEN' }, values);

  const result = await callGateway(updateOrganisationProfileOperation, { variables: { input: { organisationId, ...parsed.data } } });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values);
  }
  revalidatePath('/organisation', 'layout');
  return doneForm(t('saved'));
}
