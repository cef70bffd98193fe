'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState, type FormState } from '@/lib/form-state';
import { setPasswordWithLink } from './actions';

/**
 * The page an e-mailed link opens: choose a password. Used by /invite/<token> and /reset/<token>; works without
 * JavaScript. Once the password is set the form gives way to the way to sign in.
 */
export function SetPasswordForm({ token, purpose }: { token: string; purpose: 'invitation' | 'reset' }) {
  const t = useTranslations('PasswordReset');
  const account = useTranslations('Account');
  const [state, action] = useActionState<FormState, FormData>(setPasswordWithLink, initialFormState);
  const form = 'set-password';
  if (state.status === 'done') {
    return (
      <>
        <FormMessage form={form} state={state} />
        <p>
          <Link className="button button-primary" href="/login">
            {t('signIn')}
          </Link>
        </p>
      </>
    );
  }
  return (
    <form action={action} className="form" noValidate>
      <FormMessage form={form} state={state} labels={{ password: t('newPassword') }} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="purpose" value={purpose} />
      <TextField
        form={form}
        name="password"
        type="password"
        label={t('newPassword')}
        hint={account('newPasswordHint')}
        error={state.fieldErrors.password}
        autoComplete="new-password"
        required
      />
      <div className="form-actions">
        <SubmitButton label={t('setSubmit')} pendingLabel={t('saving')} />
      </div>
    </form>
  );
}
