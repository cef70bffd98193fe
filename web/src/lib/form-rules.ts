import { z } from 'zod';
import type { GatewayFailure } from './gateway-errors';
import type { FormState, FormValues } from './form-state';

/**
 * The pure half of the portal's form handling (no Next.js, no request): reading FormData, field types that
 * read strings the way people type them, and turning zod issues or gateway failures into translated form
 * state. `t` is the `Forms` namespace's translator, passed in, so node:test covers all of it.
 */

export type FormsKey =
  | 'errorSummary' | 'required' | 'tooShort' | 'tooLong' | 'invalidEmail' | 'invalidNumber' | 'tooSmall' | 'tooBig'
  | 'invalidChoice' | 'chooseAtLeastOne' | 'invalid' | 'saved' | 'saving' | 'rejected' | 'conflict' | 'forbidden'
  | 'unavailable' | 'notFound' | 'badInput';
export type FormsTranslator = (key: FormsKey, values?: Record<string, string | number>) => string;

/** FormData as plain values: a name sent once is a string, a name sent several times (checkboxes) a list. */
export function formValues(formData: FormData, omit: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string' || name.startsWith('$ACTION') || omit.includes(name)) continue;
    const known = values[name];
    values[name] = known === undefined ? value : Array.isArray(known) ? [...known, value] : [known, value];
  }
  return values;
}

// Field types that read form strings the way people type them.
/** Required text, trimmed. */
export const text = (max: number, min = 1) => z.string().trim().min(min).max(max);
/** Optional text: empty means "not given". */
export const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.string().trim().max(max).optional());
/** A whole number typed into a field; empty means "not given" when optional. */
export const wholeNumber = (min: number, max: number) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value), z.number().int().min(min).max(max));
export const optionalWholeNumber = (min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value.trim())) : value),
    z.number().int().min(min).max(max).optional(),
  );
/** A checkbox group or multi-select: always a list (none ticked = empty list); `min` = how many must be chosen. */
export const list = <T extends z.ZodType>(item: T, min = 0) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item).min(min));
/** A single checkbox: ticked or not. */
export const checkbox = z.preprocess((value) => value === 'on' || value === 'true', z.boolean());

/** The state for values the schema refused: one message per field (its first problem), nothing sent. */
export function invalidFormState(error: z.ZodError, values: FormValues, t: FormsTranslator): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = issue.path.map(String).join('.') || '_form';
    fieldErrors[name] ??= describeIssue(issue, values[name], t);
  }
  const { _form: formError, ...rest } = fieldErrors;
  return { status: 'invalid', fieldErrors: rest, formError: formError ?? t('errorSummary'), values };
}

function describeIssue(issue: z.core.$ZodIssue, given: unknown, t: FormsTranslator): string {
  const empty = given === undefined || given === '' || (Array.isArray(given) && given.length === 0);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return t('chooseAtLeastOne');
      if (issue.origin === 'string') return empty || Number(issue.minimum) <= 1 ? t('required') : t('tooShort', { min: Number(issue.minimum) });
      return t('tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string' ? t('tooLong', { max: Number(issue.maximum) }) : t('tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (empty) return t('required');
      return issue.format === 'email' ? t('invalidEmail') : t('invalid');
    case 'invalid_type':
      if (empty) return t('required');
      return issue.expected === 'number' || issue.expected === 'int' ? t('invalidNumber') : t('invalid');
    case 'invalid_value':
      return empty ? t('required') : t('invalidChoice');
    case 'custom':
      return isFormsKey(issue.message) ? t(issue.message) : issue.message;
    default:
      return t('invalid');
  }
}

const FORMS_KEYS = new Set<string>([
  'required', 'tooShort', 'tooLong', 'invalidEmail', 'invalidNumber', 'tooSmall', 'tooBig', 'invalidChoice', 'chooseAtLeastOne', 'invalid',
]);
function isFormsKey(message: string): message is FormsKey {
  return FORMS_KEYS.has(message);
}

export type FailedFormOptions = { codes?: Record<string, string>; fields?: Record<string, string> };

/**
 * A gateway failure as form state: nothing was changed, the form comes back filled in. `codes` gives the
 * page's own words for the API's domain codes (CONSENT_REQUIRED, INVALID_TRANSITION, CAPACITY_FULL, …);
 * `fields` maps API input field names to form field names when they differ.
 */
export function failedFormState(
  failure: GatewayFailure,
  values: FormValues,
  t: FormsTranslator,
  options: FailedFormOptions = {},
): FormState {
  const state = (formError: string, fieldErrors: Record<string, string> = {}): FormState => ({ status: 'failed', fieldErrors, formError, values });
  switch (failure.kind) {
    case 'UNAVAILABLE':
      return state(t('unavailable'));
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      return state(t('forbidden'));
    case 'REJECTED': {
      const own = options.codes?.[failure.code];
      if (own) return state(own);
      if (failure.code === 'CONFLICT') return state(t('conflict'));
      if (failure.code === 'NOT_FOUND') return state(t('notFound'));
      const fieldErrors: Record<string, string> = {};
      for (const field of failure.fields) fieldErrors[options.fields?.[field] ?? field] = t('invalid');
      return state(t('badInput'), fieldErrors);
    }
  }
}
