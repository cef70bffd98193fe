import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/language-switch';
import { titled } from '@/i18n/page-title';
import { LoginForm } from './login-form';
import styles from './login.module.css';

export const generateMetadata = titled('Login');

const NOTICES = { 'session-ended': 'sessionEnded', 'logged-out': 'loggedOut', 'challenge-ended': 'challengeEnded' } as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('Login');
  const common = await getTranslations('Common');
  const reason = (await searchParams).reason;
  const noticeKey = typeof reason === 'string' && reason in NOTICES ? NOTICES[reason as keyof typeof NOTICES] : undefined;

  return (
    <main id="main" className={styles.page}>
      <div className={styles.card}>
        <LanguageSwitch className={styles.language} />
        <p className={styles.brand}>
          <span className={styles.brandName}>{common('appName')}</span>
          <span className={styles.brandTagline}>{common('tagline')}</span>
        </p>
        <h1 className={styles.title}>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
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
      </div>
    </main>
  );
}
