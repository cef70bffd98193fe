import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/language-switch';
import styles from '../login/login.module.css';

/** The frame of the pages anyone reaches without signing in from a mail: the sign-in page's card. */
export async function LinkPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
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
        <p className="muted">{intro}</p>
        {children}
      </div>
    </main>
  );
}
