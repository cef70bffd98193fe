import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/language-switch';
import { titled } from '@/i18n/page-title';
import { readLoginChallenge } from '../challenge-cookie';
import { CodeForm } from './code-form';
import styles from '../login.module.css';

export const generateMetadata = titled('LoginCode');

/** The second step of signing in for accounts with two-factor authentication. */
export default async function LoginCodePage() {
  const t = await getTranslations('LoginCode');
  const common = await getTranslations('Common');
  const waiting = Boolean(await readLoginChallenge());

  return (
    <main id="main" className={styles.page}>
      <div className={styles.card}>
        <LanguageSwitch className={styles.language} />
        <p className={styles.brand}>
          <span className={styles.brandName}>{common('appName')}</span>
          <span className={styles.brandTagline}>{common('tagline')}</span>
        </p>
        <h1 className={styles.title}>{t('title')}</h1>
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
      </div>
    </main>
  );
}
