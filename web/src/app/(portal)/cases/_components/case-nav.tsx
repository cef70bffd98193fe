import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import styles from './case-nav.module.css';

/** The case's sub-pages, with the current one marked for screen readers too. */
export async function CaseNav({ caseId, current }: { caseId: string; current: 'case' | 'consent' | 'match' | 'emergency' | 'referral' }) {
  const t = await getTranslations('CaseNav');
  const base = `/cases/${caseId}`;
  const items = [
    { key: 'case', href: base, label: t('case') },
    { key: 'consent', href: `${base}/consent`, label: t('consent') },
    { key: 'match', href: `${base}/match`, label: t('match') },
    { key: 'emergency', href: `${base}/emergency`, label: t('emergency') },
  ] as const;
  return (
    <nav aria-label={t('label')} className={styles.nav}>
      <ul>
        <li>
          <Link href="/cases">{t('dashboard')}</Link>
        </li>
        {items.map((item) => (
          <li key={item.key}>
            <Link href={item.href} aria-current={current === item.key ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
