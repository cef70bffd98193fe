'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { doneForm, failedForm, formValues, list, optionalWholeNumber, parseForm, text, type FormState } from '@/lib/forms';
import { createServiceOperation, updateServiceOperation } from '@/lib/operations/partners';
import { leaveIfSessionEnded } from '@/lib/session';
import { EXPLOITATION_TYPES, GENDERS, provinceSchema, serviceTypeSchema } from '@/lib/vocabulary';
import { bothOrNeither, coordinate, languageCodes, orEmpty, postalCode } from '../../field-rules';

/** Which service the form saves: an existing one, or a new one of the admin's organisation. */
export type ServiceTarget = { serviceId: string } | { organisationId: string };

/**
 * Saves a service's description, eligibility and place, or adds a new service (then opens it). The target is
 * bound by the page; the gateway checks that it belongs to the caller's organisation.
 */
export async function saveService(target: ServiceTarget, _previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('OrganisationService');
  const values = formValues(formData);
  const schema = z
    .object({
      type: serviceTypeSchema,
      name: text(200),
      description: z.string().trim().max(2000),
      province: provinceSchema,
      minAge: optionalWholeNumber(0, 120),
      maxAge: optionalWholeNumber(0, 120),
      genders: list(z.enum(GENDERS)),
      languages: languageCodes(t('languagesInvalid')),
      exploitationTypes: list(z.enum(EXPLOITATION_TYPES)),
      exclusions: z.string().trim().max(2000),
      street: z.string().trim().max(200),
      postalCode: orEmpty(postalCode(t('postalCodeInvalid'))),
      city: z.string().trim().max(100),
      latitude: coordinate(90, t('coordinateInvalid')),
      longitude: coordinate(180, t('coordinateInvalid')),
    })
    .superRefine(bothOrNeither(t('coordinatesTogether')))
    .superRefine((value, context) => {
      if (value.minAge !== undefined && value.maxAge !== undefined && value.minAge > value.maxAge) {
        context.addIssue({ code: 'custom', path: ['maxAge'], message: t('ageOrder') });
      }
    });
  const parsed = await parseForm(schema, values);
  if (!parsed.ok) return parsed.state;

  const { minAge, maxAge, ...rest } = parsed.data;
  // Empty age fields clear the bound (null), rather than keeping the old one.
  const fields = { ...rest, minAge: minAge ?? null, maxAge: maxAge ?? null };
  if ('organisationId' in target) {
    const created = await callGateway(createServiceOperation, { variables: { input: { organisationId: target.organisationId, ...fields } } });
    if (!created.ok) {
      leaveIfSessionEnded(created.failure);
      return failedForm(created.failure, values, { codes: { CONFLICT: t('profileMissing') } });
    }
    revalidatePath('/organisation', 'layout');
    redirect(`/organisation/services/${created.data.createService.id}?created=1`);
  }
  const result = await callGateway(updateServiceOperation, { variables: { input: { id: target.serviceId, ...fields } } });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values);
  }
  revalidatePath('/organisation', 'layout');
  return doneForm(t('saved'));
}
