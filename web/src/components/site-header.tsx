import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getVocabulary } from '@/i18n/vocabulary';
import { AREAS, navigableAreas } from '@/lib/areas';
import type { Session } from '@/lib/session';
import { LanguageSwitch } from './language-switch';
import { logout } from './logout-action';
import { NavLink } from './nav-link';
import styles from './site-header.module.css';

export async function SiteHeader({ session }: { session: Session }) {
  const t = await getTranslations('Header');
  const vocabulary = await getVocabulary();
  const common = await getTranslations('Common');
  const areas = navigableAreas(session.roles);
  const roles = session.roles.map(vocabulary.role).join(', ');

  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <Link href="/" className={styles.brand}>
          {common('appName')}
        </Link>

        <div className={styles.account}>
          <p className={styles.identity}>
            <span className="visually-hidden">{t('signedInAs')} </span>
            <span className={styles.userName}>{session.user.displayName}</span>
            {session.activeOrganisation ? (
              <span className={styles.organisation}>
                <span className="visually-hidden">{t('organisation')}: </span>
                {session.activeOrganisation.name}
                {roles ? <span className={styles.roles}> · {roles}</span> : null}
              </span>
            ) : null}
          </p>
          <div className={styles.actions}>
            <LanguageSwitch />
            {session.organisations.length > 1 ? (
              <Link href="/select-organisation" className="button button-quiet button-small">
                {t('switchOrganisation')}
              </Link>
            ) : null}
            <Link href="/account" className="button button-quiet button-small">
              {t('account')}
            </Link>
            <form action={logout}>
              <button type="submit" className="button button-small">
                {t('logout')}
              </button>
            </form>
          </div>
        </div>
      </div>

      {areas.length > 1 ? (
        <nav aria-label={t('navigation')} className={styles.nav}>
          <ul>
            {areas.map((area) => (
              <li key={area}>
                <NavLink href={AREAS[area].path}>{t(`nav.${area}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
