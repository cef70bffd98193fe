import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { SignInCard } from '@/components/sign-in-card';
import { logout } from '@/components/logout-action';
import { titled } from '@/i18n/page-title';
import { callGateway } from '@/lib/gateway';
import { leaveIfSessionEnded } from '@/lib/session';
import { readSessionToken } from '@/lib/session-cookie';
import { cookies } from 'next/headers';
import { TwoFactorSection } from '../../(portal)/account/account-forms';
import { accountSecurityOperation } from '../../(portal)/account/operations';

export const generateMetadata = titled('TwoStepRequired');

/**
 * Where the portal sends a network admin or auditor signed in with a password only: the account page's enrolment
 * and nothing else (no header, no navigation — the session carries no role yet). Confirming the first code gives
 * this session its second factor (identity's confirmTotpEnrolment), so the link under the recovery codes leads in.
 */
export default async function TwoStepSetupPage() {
  if (!readSessionToken(await cookies())) redirect('/login');
  const t = await getTranslations('TwoStepRequired');
  const account = await getTranslations('Account');
  const result = await callGateway(accountSecurityOperation);
  if (!result.ok) leaveIfSessionEnded(result.failure);
  const twoFactor = result.ok ? result.data.me.twoFactor : null;

  return (
    <SignInCard title={t('title')}>
      {!result.ok ? <ErrorNotice failure={result.failure} /> : null}
      {twoFactor && twoFactor.enabled && !twoFactor.thisSession ? (
        // Turned on in another session: this one proved no second factor, and only a new sign-in can.
        <>
          <p className="notice notice-info">{t('signInAgain')}</p>
          <form action={logout}>
            <button type="submit" className="button">
              {t('signOut')}
            </button>
          </form>
        </>
      ) : twoFactor ? (
        <>
          <p className="muted">{twoFactor.thisSession ? account('twoFactorOn') : t('intro')}</p>
          <TwoFactorSection enabled={twoFactor.enabled} recoveryCodesLeft={twoFactor.recoveryCodesLeft} required={twoFactor.required} doneHref="/" />
          {twoFactor.enabled && twoFactor.thisSession ? (
            <p>
              <a href="/">{account('continueToPortal')}</a>
            </p>
          ) : null}
        </>
      ) : null}
    </SignInCard>
  );
}
