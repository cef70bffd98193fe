import { redirect } from 'next/navigation';
import { ErrorNotice } from '@/components/error-notice';
import { LanguageSwitch } from '@/components/language-switch';
import { SiteHeader } from '@/components/site-header';
import { loadSession } from '@/lib/session';
import styles from './portal.module.css';

/**
 * Every page behind sign-in: a session with an active organisation, the header, the content. A network admin or
 * auditor signed in with a password only is sent to set up two-step sign-in first (identity enforces it anyway).
 */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const loaded = await loadSession();
  if (!loaded.ok) {
    return (
      <main id="main" className={styles.main}>
        {/* No header without a session, but the language can still be chosen. */}
        <LanguageSwitch className={styles.languageOnly} />
        <ErrorNotice failure={loaded.failure} />
      </main>
    );
  }
  // Before choosing an organisation: without a second factor such a person has no role to choose one for.
  if (loaded.session.secondFactorOwed) redirect('/login/two-step-setup');
  if (!loaded.session.activeOrganisation) redirect('/select-organisation');

  return (
    <>
      <SiteHeader session={loaded.session} />
      <main id="main" className={styles.main}>
        {children}
      </main>
    </>
  );
}
