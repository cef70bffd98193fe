'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState, type FormState } from '@/lib/form-state';
import { changePassword, setUpTwoFactor, turnOffTwoFactor, type TwoFactorSetupState } from './actions';

export function ChangePasswordForm() {
  const t = useTranslations('Account');
  const [state, action] = useActionState<FormState, FormData>(changePassword, initialFormState);
  const form = 'change-password';
  const labels = { currentPassword: t('currentPassword'), newPassword: t('newPassword') };
  return (
    <form action={action} className="form" noValidate>
      <FormMessage form={form} state={state} labels={labels} />
      <TextField form={form} name="currentPassword" type="password" label={labels.currentPassword} error={state.fieldErrors.currentPassword} autoComplete="current-password" required />
      <TextField form={form} name="newPassword" type="password" label={labels.newPassword} hint={t('newPasswordHint')} error={state.fieldErrors.newPassword} autoComplete="new-password" required />
      <div className="form-actions">
        <SubmitButton label={t('changePassword')} pendingLabel={t('saving')} />
      </div>
    </form>
  );
}

/**
 * Two-step sign-in, in one component so the answers of both forms survive the page's own refresh (and a submit
 * without JavaScript): the recovery codes stay on screen after the setting flips to "on" until the person follows
 * the link, and the "turned off" confirmation stays after it flips to "off". `required`: the person's role needs it,
 * so no turn-off form (identity refuses it too). `doneHref`: where the link after the recovery codes leads.
 */
export function TwoFactorSection({
  enabled,
  recoveryCodesLeft,
  required = false,
  doneHref = '/account',
}: {
  enabled: boolean;
  recoveryCodesLeft: number;
  required?: boolean;
  doneHref?: string;
}) {
  const t = useTranslations('Account');
  const [setup, setUp] = useActionState<TwoFactorSetupState, FormData>(setUpTwoFactor, initialFormState);
  const [off, turnOff] = useActionState<FormState, FormData>(turnOffTwoFactor, initialFormState);
  const status = (
    <p>
      {enabled ? <span className="badge badge-positive">{t('statusOn')}</span> : <span className="badge">{t('statusOff')}</span>}{' '}
      {enabled ? t('recoveryCodesLeft', { count: recoveryCodesLeft }) : null}
    </p>
  );

  if (setup.recoveryCodes) {
    return (
      <div>
        <FormMessage form="two-factor-setup" state={setup} />
        <div className="notice notice-warning" role="status">
          <p className="notice-title">{t('recoveryCodesTitle')}</p>
          <p>{t('recoveryCodesWarning')}</p>
          <ul className="mono" aria-label={t('recoveryCodesTitle')} data-testid="recovery-codes">
            {setup.recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </div>
        <p>
          <a className="button" href={doneHref}>
            {t('recoveryCodesDone')}
          </a>
        </p>
      </div>
    );
  }
  if (enabled && required) {
    return (
      <>
        {status}
        <p className="muted">{t('requiredNote')}</p>
      </>
    );
  }
  if (enabled) {
    return (
      <>
        {status}
        <form action={turnOff} className="form" noValidate>
          <FormMessage form="two-factor-off" state={off} labels={{ code: t('code') }} />
          <TextField form="two-factor-off" name="code" label={t('code')} hint={t('offCodeHint')} error={off.fieldErrors.code} autoComplete="one-time-code" required />
          <div className="form-actions">
            <SubmitButton label={t('turnOff')} pendingLabel={t('saving')} variant="danger" />
          </div>
        </form>
      </>
    );
  }
  const form = 'two-factor-setup';
  return (
    <>
      {off.status === 'done' ? <FormMessage form="two-factor-off" state={off} /> : null}
      {status}
      {setup.enrolment ? (
        <form action={setUp} className="form" noValidate>
          <FormMessage form={form} state={setup} labels={{ code: t('code') }} />
          <p>{t('scanIntro')}</p>
          {/* A data: URI drawn on the server (qr-code.ts); next/image adds nothing for an inline SVG. */}
          <img src={setup.enrolment.qrImage} alt={t('qrAlt')} width={200} height={200} />
          <p>
            {t('secretIntro')}{' '}
            <code className="mono" data-testid="totp-secret">
              {setup.enrolment.secret}
            </code>
          </p>
          <input type="hidden" name="step" value="confirm" />
          <TextField form={form} name="code" label={t('code')} hint={t('firstCodeHint')} error={setup.fieldErrors.code} autoComplete="one-time-code" inputMode="numeric" required />
          <div className="form-actions">
            <SubmitButton label={t('confirmTwoFactor')} pendingLabel={t('saving')} />
          </div>
        </form>
      ) : (
        <form action={setUp} className="form" noValidate>
          <FormMessage form={form} state={setup} />
          <input type="hidden" name="step" value="start" />
          <div className="form-actions">
            <SubmitButton label={t('startTwoFactor')} pendingLabel={t('saving')} />
          </div>
        </form>
      )}
    </>
  );
}
