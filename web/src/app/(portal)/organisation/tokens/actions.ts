'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { doneForm, failedForm, formValues, list, parseForm, text, type FormState } from '@/lib/forms';
import { createApiTokenOperation, revokeApiTokenOperation } from '@/lib/operations/identity';
import { leaveIfSessionEnded } from '@/lib/session';
import type { SecretFormState } from '@/lib/secret-form-state';
import { API_SCOPE_NAMES } from '@/lib/vocabulary';

/** The end of the chosen expiry day in Amsterdam is close enough; the API wants an instant. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59+01:00`).toISOString();
}

/** A new token for an integration; the whole token comes back in this answer only. */
export async function createToken(_previous: SecretFormState, formData: FormData): Promise<SecretFormState> {
  const t = await getTranslations('OrganisationTokens');
  const values = formValues(formData);
  const today = new Date().toISOString().slice(0, 10);
  const schema = z.object({
    name: text(100),
    scopes: list(z.enum(API_SCOPE_NAMES)).refine((scopes) => scopes.length > 0, { message: 'chooseAtLeastOne' }),
    expiresOn: z
      .string()
      .trim()
      .refine((value) => value === '' || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))), { message: t('dateInvalid') })
      .refine((value) => value === '' || value > today, { message: t('dateInPast') }),
  });
  const parsed = await parseForm(schema, values);
  if (!parsed.ok) return parsed.state;

  const { name, scopes, expiresOn } = parsed.data;
  const result = await callGateway(createApiTokenOperation, {
    variables: { input: { name, scopes, expiresAt: expiresOn ? endOfDay(expiresOn) : null } },
  });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values, { fields: { expiresAt: 'expiresOn' } });
  }
  revalidatePath('/organisation/tokens');
  return { ...(await doneForm(t('created', { name }))), secret: result.data.createApiToken.token };
}

/** Stops a token at once (the gateway refuses it within a minute). */
export async function revokeToken(tokenId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('OrganisationTokens');
  const values = formValues(formData);
  const result = await callGateway(revokeApiTokenOperation, { variables: { id: tokenId } });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values);
  }
  revalidatePath('/organisation/tokens');
  return doneForm(t('revoked'));
}
