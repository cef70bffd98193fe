'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState, type FormState } from '@/lib/form-state';
import { requestPasswordReset } from './actions';

/** Works without JavaScript: the form posts to the server action and the page comes back with its answer. */
export function RequestResetForm() {
  const t = useTranslations('PasswordReset');
  const [state, action] = useActionState<FormState, FormData>(requestPasswordReset, initialFormState);
  const form = 'request-reset';
  const email = typeof state.values.email === 'string' ? state.values.email : '';
  return (
    <form action={action} className="form" noValidate>
      <FormMessage form={form} state={state} labels={{ email: t('email') }} />
      <TextField form={form} name="email" type="email" label={t('email')} defaultValue={email} error={state.fieldErrors.email} autoComplete="username" required />
      <div className="form-actions">
        <SubmitButton label={t('requestSubmit')} pendingLabel={t('sending')} />
      </div>
    </form>
  );
}
