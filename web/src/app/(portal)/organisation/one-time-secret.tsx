'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';

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
