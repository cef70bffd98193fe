/** A server action's answer to a form (client-safe: client forms import the type and the initial state). */

export type FormValues = Record<string, string | string[]>;

export type FormState = {
  status: 'idle' | 'invalid' | 'failed' | 'done';
  /** One message per field name, for the field and the error summary. */
  fieldErrors: Record<string, string>;
  /** A message about the whole form (a refusal, an unreachable backend). */
  formError?: string;
  /** A confirmation after success (shown in a status region). */
  message?: string;
  /** What was sent, so a failed form comes back filled in. Never holds passwords. */
  values: FormValues;
};

export const initialFormState: FormState = { status: 'idle', fieldErrors: {}, values: {} };
