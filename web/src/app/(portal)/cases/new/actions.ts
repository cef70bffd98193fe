'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { failedForm, formValues, list, optionalText, optionalWholeNumber, parseForm, type FormState } from '@/lib/forms';
import { createCaseOperation } from '@/lib/operations/cases';
import { leaveIfSessionEnded } from '@/lib/session';
import { AGE_GROUPS, EXPLOITATION_TYPES, GENDERS, PROVINCES, SERVICE_TYPES, URGENCIES } from '@/lib/vocabulary';

/** An optional choice from a list: the empty option means "not given". */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.enum(values).optional());

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const newCaseForm = z.object({
  idempotencyKey: z.string().uuid(),
  urgency: z.enum(URGENCIES),
  needs: list(z.enum(SERVICE_TYPES)).pipe(z.array(z.enum(SERVICE_TYPES)).min(1)),
  age: optionalWholeNumber(0, 120),
  ageGroup: optionalChoice(AGE_GROUPS),
  gender: optionalChoice(GENDERS),
  // Typed as "nl, en": two-letter ISO 639-1 codes, lower case.
  languages: optionalText(200).pipe(
    z
      .string()
      .optional()
      .transform((value) => (value ? value.split(/[\s,;]+/).filter(Boolean).map((code) => code.toLowerCase()) : []))
      .refine((codes) => codes.every((code) => /^[a-z]{2}$/.test(code)), 'invalid'),
  ),
  exploitationType: optionalChoice(EXPLOITATION_TYPES),
  place: optionalText(100),
  province: optionalChoice(PROVINCES),
  name: optionalText(200),
  birthDate: optionalText(10).refine((value) => value === undefined || ISO_DATE.test(value), 'invalid'),
  phone: optionalText(50),
  address: optionalText(500),
  whereabouts: optionalText(500),
  healthNotes: optionalText(4000),
  caseNotes: optionalText(4000),
});

/** The API names input fields by path; the form's own names for them. */
const API_FIELDS: Record<string, string> = {
  'personalData.identity.name': 'name',
  'personalData.identity.birthDate': 'birthDate',
  'personalData.contact.phone': 'phone',
  'personalData.contact.address': 'address',
  'personalData.contact.whereabouts': 'whereabouts',
  'personalData.health.notes': 'healthNotes',
  'personalData.caseNotes.notes': 'caseNotes',
};

/**
 * Opens a case. The form's idempotency key (made when the form rendered) travels with it, so a double
 * submit or a retry after a lost answer returns the first case instead of opening a second one.
 */
export async function createCase(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = await parseForm(newCaseForm, values);
  if (!parsed.ok) return parsed.state;
  const form = parsed.data;

  // Only the categories something was typed for are sent: an empty category is not written at all.
  const identity = form.name || form.birthDate ? { name: form.name, birthDate: form.birthDate } : undefined;
  const contact = form.phone || form.address || form.whereabouts ? { phone: form.phone, address: form.address, whereabouts: form.whereabouts } : undefined;
  const health = form.healthNotes ? { notes: form.healthNotes } : undefined;
  const caseNotes = form.caseNotes ? { notes: form.caseNotes } : undefined;
  const personalData = identity || contact || health || caseNotes ? { identity, contact, health, caseNotes } : undefined;

  const result = await callGateway(createCaseOperation, {
    variables: {
      idempotencyKey: form.idempotencyKey,
      input: {
        urgency: form.urgency,
        needs: form.needs,
        age: form.age,
        ageGroup: form.ageGroup,
        gender: form.gender,
        languages: form.languages.length ? form.languages : undefined,
        exploitationType: form.exploitationType,
        place: form.place,
        province: form.province,
        personalData,
      },
    },
  });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    const t = await getTranslations('NewCase');
    return failedForm(result.failure, values, { fields: API_FIELDS, codes: { CONFLICT: t('conflict') } });
  }
  redirect(`/cases/${result.data.createCase.id}?created=1`);
}
