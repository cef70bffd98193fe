import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { titled } from '@/i18n/page-title';
import { SignInCard } from '@/components/sign-in-card';
import { RequestResetForm } from './request-form';

export const generateMetadata = titled('PasswordReset');

/** "Forgot my password": asks for the address and mails a link (if the address has an account). */
export default async function RequestResetPage() {
  const t = await getTranslations('PasswordReset');
  return (
    <SignInCard title={t('title')} intro={t('requestIntro')}>
      <RequestResetForm />
      <p>
        <Link href="/login">{t('backToSignIn')}</Link>
      </p>
    </SignInCard>
  );
}
