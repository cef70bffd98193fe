'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { checkbox, doneForm, failedForm, formValues, list, optionalText, parseForm, type FormState } from '@/lib/forms';
import { recordConsentOperation } from '@/lib/operations/consent';
import { leaveIfSessionEnded } from '@/lib/session';
import { DATA_CATEGORIES, GIVEN_BY, GIVEN_HOW, LEGAL_BASES, PURPOSES } from '@/lib/vocabulary';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const consentForm = z
  .object({
    legalBasis: z.enum(LEGAL_BASES),
    justification: optionalText(2000),
    categories: list(z.enum(DATA_CATEGORIES)).pipe(z.array(z.enum(DATA_CATEGORIES)).min(1)),
    wholeNetwork: checkbox,
    recipientOrganisationIds: list(z.string().uuid()),
    purposes: list(z.enum(PURPOSES)).pipe(z.array(z.enum(PURPOSES)).min(1)),
    givenBy: z.enum(GIVEN_BY),
    givenHow: z.enum(GIVEN_HOW),
    validUntil: optionalText(10).refine((value) => value === undefined || ISO_DATE.test(value), 'invalid'),
  })
  .superRefine((form, context) => {
    // The API's own rules, checked here first so the message stands beside the field.
    if ((form.legalBasis === 'VITAL_INTEREST' || form.legalBasis === 'STATUTORY') && !form.justification) {
      context.addIssue({ code: 'custom', path: ['justification'], message: 'required' });
    }
    if (!form.wholeNetwork && form.recipientOrganisationIds.length === 0) {
      context.addIssue({ code: 'custom', path: ['recipientOrganisationIds'], message: 'chooseAtLeastOne' });
    }
  });

/** The end of a calendar day in Dutch time, as the API's UTC timestamp. */
function endOfDutchDay(date: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' })
    .formatToParts(noon)
    .find((part) => part.type === 'timeZoneName')?.value; // "GMT+1" or "GMT+2"
  const hours = Number(/GMT([+-]\d+)/.exec(offset ?? '')?.[1] ?? '1');
  return new Date(Date.parse(`${date}T23:59:59Z`) - hours * 3_600_000).toISOString();
}

/** Records a new consent for the case (version 1); the API checks who may give it for this person. */
export async function recordConsent(caseId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = await parseForm(consentForm, values);
  if (!parsed.ok) return parsed.state;
  const form = parsed.data;
  const result = await callGateway(recordConsentOperation, {
    variables: {
      caseId,
      input: {
        legalBasis: form.legalBasis,
        justification: form.justification,
        categories: form.categories,
        wholeNetwork: form.wholeNetwork,
        recipientOrganisationIds: form.wholeNetwork ? [] : form.recipientOrganisationIds,
        purposes: form.purposes,
        givenBy: form.givenBy,
        givenHow: form.givenHow,
        validUntil: form.validUntil ? endOfDutchDay(form.validUntil) : undefined,
      },
    },
  });
  const t = await getTranslations('CaseConsent');
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values, { codes: { INVALID_TRANSITION: t('caseClosed') } });
  }
  revalidatePath(`/cases/${caseId}`, 'layout');
  return doneForm(t('recorded'));
}
