import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/language-switch';
import styles from '@/app/login/login.module.css';

/**
 * The card of every page around signing in — sign-in, its second step, setting up two-step sign-in, and the
 * pages reached from a mail (invitation, reset): language switch, Haven's name, the title, an optional intro.
 */
export async function SignInCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const common = await getTranslations('Common');
  return (
    <main id="main" className={styles.page}>
      <div className={styles.card}>
        <LanguageSwitch className={styles.language} />
        <p className={styles.brand}>
          <span className={styles.brandName}>{common('appName')}</span>
          <span className={styles.brandTagline}>{common('tagline')}</span>
        </p>
        <h1 className={styles.title}>{title}</h1>
        {intro ? <p className="muted">{intro}</p> : null}
        {children}
      </div>
    </main>
  );
}
