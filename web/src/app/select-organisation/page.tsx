import type { Metadata } from 'next';
import Link from 'next/link';
import { ErrorNotice } from '@/components/error-notice';
import { getTranslations } from 'next-intl/server';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { loadSession } from '@/lib/session';
import { selectOrganisation } from './actions';
import styles from './select-organisation.module.css';

export const generateMetadata = titled('SelectOrganisation');

export default async function SelectOrganisationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations('SelectOrganisation');
  const vocabulary = await getVocabulary();
  const loaded = await loadSession();
  if (!loaded.ok) {
    return (
      <main id="main" className={styles.page}>
        <ErrorNotice failure={loaded.failure} />
      </main>
    );
  }
  const { session } = loaded;
  const error = (await searchParams).error;
  const errorMessage = error === 'required' ? t('required') : error === 'failed' ? t('failed') : undefined;

  return (
    <main id="main" className={styles.page}>
      <div className={styles.card}>
        <h1>{t('title')}</h1>
        {session.organisations.length === 0 ? (
          <p className="notice notice-info">{t('noMemberships')}</p>
        ) : (
          <>
            <p className="muted">{t('intro')}</p>
            {errorMessage ? (
              <p role="alert" className="notice notice-error">
                {errorMessage}
              </p>
            ) : null}
            <form action={selectOrganisation} className={styles.form}>
              <fieldset className={styles.fieldset}>
                <legend className="visually-hidden">{t('legend')}</legend>
                {session.organisations.map((organisation, index) => {
                  const roles = session.memberships
                    .filter((m) => m.organisation.id === organisation.id)
                    .map((m) => vocabulary.role(m.role));
                  const current = session.activeOrganisation?.id === organisation.id;
                  return (
                    <label key={organisation.id} className={styles.option}>
                      <input
                        type="radio"
                        name="organisationId"
                        value={organisation.id}
                        required
                        defaultChecked={current || (!session.activeOrganisation && index === 0)}
                      />
                      <span className={styles.optionText}>
                        <span className={styles.optionName}>
                          {organisation.name}
                          {current ? <span className="badge">{t('current')}</span> : null}
                        </span>
                        <span className={styles.optionMeta}>
                          {vocabulary.organisationKind(organisation.kind)} · {[...new Set(roles)].join(', ')}
                        </span>
                      </span>
                    </label>
                  );
                })}
              </fieldset>
              <div className={styles.actions}>
                <button type="submit" className="button button-primary">
                  {t('submit')}
                </button>
                {session.activeOrganisation ? (
                  <Link href="/" className="button button-quiet">
                    {t('cancel')}
                  </Link>
                ) : null}
              </div>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
