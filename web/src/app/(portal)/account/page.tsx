import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { titled } from '@/i18n/page-title';
import { callGateway } from '@/lib/gateway';
import { leaveIfSessionEnded } from '@/lib/session';
import { ChangePasswordForm, TwoFactorSection } from './account-forms';
import { accountSecurityOperation } from './operations';

export const generateMetadata = titled('Account');

/** Everyone's own account: the password, and two-factor sign-in (on, off, recovery codes left). */
export default async function AccountPage() {
  const t = await getTranslations('Account');
  const result = await callGateway(accountSecurityOperation);
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const { enabled, recoveryCodesLeft, required } = result.data.me.twoFactor;

  return (
    <>
      <h1>{t('title')}</h1>
      <section className="section card" aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">{t('twoFactorTitle')}</h2>
        <p className="muted">{t('twoFactorIntro')}</p>
        <TwoFactorSection enabled={enabled} recoveryCodesLeft={recoveryCodesLeft} required={required} />
      </section>
      <section className="section card" aria-labelledby="password-heading">
        <h2 id="password-heading">{t('passwordTitle')}</h2>
        <p className="muted">{t('passwordIntro')}</p>
        <ChangePasswordForm />
      </section>
    </>
  );
}
