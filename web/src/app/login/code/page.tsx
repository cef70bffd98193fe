import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignInCard } from '@/components/sign-in-card';
import { titled } from '@/i18n/page-title';
import { readLoginChallenge } from '../challenge-cookie';
import { CodeForm } from './code-form';

export const generateMetadata = titled('LoginCode');

/** The second step of signing in for accounts with two-factor authentication. */
export default async function LoginCodePage() {
  const t = await getTranslations('LoginCode');
  const waiting = Boolean(await readLoginChallenge());

  return (
    <SignInCard title={t('title')}>
      {waiting ? (
        <>
          <p className="muted">{t('intro')}</p>
          <CodeForm text={{ code: t('code'), hint: t('hint'), submit: t('submit'), submitting: t('submitting') }} />
        </>
      ) : (
        <p className="notice notice-info">{t('noChallenge')}</p>
      )}
      <p>
        <Link href="/login">{t('startAgain')}</Link>
      </p>
    </SignInCard>
  );
}
