import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { portalConfig } from '@/lib/config';
import styles from './admin.module.css';

/**
 * The network admin's lists, one link each; the current one is marked for screen readers too. The demo's mail
 * folder only where the portal has one (HAVEN_MAIL_DIR).
 */
export async function AdminNav({ current }: { current: 'organisations' | 'users' | 'mail' | null }) {
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
        {portalConfig().mailDir ? (
          <li>
            <Link href="/admin/mail" aria-current={current === 'mail' ? 'page' : undefined}>
              {t('navMail')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
