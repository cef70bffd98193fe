import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import styles from './admin.module.css';

/** The network admin's two lists, one link each; the current one is marked for screen readers too. */
export async function AdminNav({ current }: { current: 'organisations' | 'users' | null }) {
  const t = await getTranslations('Admin');
  return (
    <nav aria-label={t('navLabel')} className={styles.nav}>
      <ul>
        <li>
          <Link href="/admin" aria-current={current === 'organisations' ? 'page' : undefined}>
            {t('navOrganisations')}
          </Link>
        </li>
        <li>
          <Link href="/admin/users" aria-current={current === 'users' ? 'page' : undefined}>
            {t('navUsers')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
