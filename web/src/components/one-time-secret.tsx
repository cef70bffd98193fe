'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { FormMessage } from '@/components/form/form-message';
import type { SecretFormState } from '@/lib/secret-form-state';

/**
 * Shows a secret the server will never show again, with a warning that says so. A read-only field, so it can be
 * selected and copied with the keyboard.
 */
export function OneTimeSecret({ label, secret, warning }: { label: string; secret: string; warning: string }) {
  const t = useTranslations('OneTimeSecret');
  const id = useId();
  return (
    <div className="notice notice-warning one-time-secret" role="status">
      <p className="notice-title">{t('title')}</p>
      <p>{warning}</p>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="text" className="mono" readOnly value={secret} spellCheck={false} autoComplete="off" onFocus={(event) => event.currentTarget.select()} />
      </div>
    </div>
  );
}

/**
 * What a form that made a secret shows in its place after success: the form's message, the secret once, and a
 * link to start again. No form under the secret: a next submit would carry this state (and the secret) back to
 * the server.
 */
export function SecretShown({
  form,
  state,
  secret,
  label,
  warning,
  againHref,
  againLabel,
}: {
  form: string;
  state: SecretFormState;
  secret: string;
  label: string;
  warning: string;
  againHref: string;
  againLabel: string;
}) {
  return (
    <div>
      <FormMessage form={form} state={state} />
      <OneTimeSecret label={label} secret={secret} warning={warning} />
      <p>
        <a className="button" href={againHref}>
          {againLabel}
        </a>
      </p>
    </div>
  );
}
