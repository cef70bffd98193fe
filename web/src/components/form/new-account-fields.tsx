import type { FormState } from '@/lib/form-state';
import { valueOf } from '@/lib/form-values';
import { TextField } from './fields';

/**
 * The name and e-mail address of a new account, as every form that makes one asks for them (an administrator's
 * for any organisation, an organisation's own for its staff). Labels are the form's own words.
 */
export function NewAccountFields({ form, state, labels }: { form: string; state: FormState; labels: { displayName: string; email: string } }) {
  return (
    <>
      <TextField type="text" form={form} name="displayName" label={labels.displayName} error={state.fieldErrors.displayName} defaultValue={valueOf(state, 'displayName', '')} autoComplete="off" required />
      <TextField form={form} name="email" type="email" label={labels.email} error={state.fieldErrors.email} defaultValue={valueOf(state, 'email', '')} autoComplete="off" spellCheck={false} required />
    </>
  );
}
