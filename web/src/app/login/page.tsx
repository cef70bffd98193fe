import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignInCard } from '@/components/sign-in-card';
import { titled } from '@/i18n/page-title';
import { LoginForm } from './login-form';

export const generateMetadata = titled('Login');

const NOTICES = { 'session-ended': 'sessionEnded', 'logged-out': 'loggedOut', 'challenge-ended': 'challengeEnded' } as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('Login');
  const reason = (await searchParams).reason;
  const noticeKey = typeof reason === 'string' && reason in NOTICES ? NOTICES[reason as keyof typeof NOTICES] : undefined;

  return (
    <SignInCard title={t('title')} intro={t('intro')}>
      <LoginForm
        notice={noticeKey ? t(noticeKey) : undefined}
        text={{
          email: t('email'),
          password: t('password'),
          submit: t('submit'),
          submitting: t('submitting'),
          errorSummary: t('errorSummary'),
        }}
      />
      <p>
        <Link href="/reset">{t('forgotPassword')}</Link>
      </p>
    </SignInCard>
  );
}
