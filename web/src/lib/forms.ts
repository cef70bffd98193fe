import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import type { GatewayFailure } from './gateway-errors';
import type { FormState, FormValues } from './form-state';
import { failedFormState, invalidFormState, type FailedFormOptions, type FormsTranslator } from './form-rules';

export { initialFormState, type FormState, type FormValues } from './form-state';
export { checkbox, formValues, list, optionalText, optionalWholeNumber, text, wholeNumber } from './form-rules';

/**
 * Server-side form handling for the portal's server actions: the browser's own checks are only a
 * convenience; every form is parsed here with zod, and each problem comes back as a translated message
 * beside its field. A backend refusal becomes a calm form-level message (or a field message when the API
 * names the field), and nothing the user typed is lost. The rules themselves are in ./form-rules.ts.
 */

async function formsTranslator(): Promise<FormsTranslator> {
  return (await getTranslations('Forms')) as FormsTranslator;
}

/** Parses the values with the schema; on failure, translated messages per field and the values back. */
export async function parseForm<S extends z.ZodType>(
  schema: S,
  values: FormValues,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; state: FormState }> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, state: invalidFormState(parsed.error, values, await formsTranslator()) };
}

/**
 * A gateway failure as form state: nothing was changed, the form comes back filled in. `codes` gives the
 * page's own words for the API's domain codes (CONSENT_REQUIRED, INVALID_TRANSITION, CAPACITY_FULL, …);
 * `fields` maps API input field names to form field names when they differ.
 */
export async function failedForm(failure: GatewayFailure, values: FormValues, options: FailedFormOptions = {}): Promise<FormState> {
  return failedFormState(failure, values, await formsTranslator(), options);
}

/** Success: an empty form (or the given values) with a confirmation. */
export async function doneForm(message?: string, values: FormValues = {}): Promise<FormState> {
  return { status: 'done', fieldErrors: {}, message: message ?? (await formsTranslator())('saved'), values };
}
