import type { Metadata } from 'next';
import { ErrorNotice } from '@/components/error-notice';
import { ServiceList } from '@/components/service-list';
import { getTranslations } from 'next-intl/server';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { callGateway } from '@/lib/gateway';
import { enterArea } from '@/lib/enter-area';
import { directoryOperation, filteredDirectoryOperation, type DirectoryOrganisation } from '@/lib/operations/partners';
import { leaveIfSessionEnded } from '@/lib/session';
import { isProvince, isServiceType, PROVINCES, SERVICE_TYPES, type Province, type ServiceType } from '@/lib/vocabulary';
import styles from './directory.module.css';

export const generateMetadata = titled('Directory');

type Filter = { province?: Province; type?: ServiceType };

const HSDS_EXPORT_PATH = '/directory/hsds';

/**
 * Without a filter: every organisation with all its services. With one: the services the gateway
 * finds for it (`services(filter:)`), grouped back into their organisations.
 */
async function loadDirectory(filter: Filter) {
  if (!filter.province && !filter.type) {
    const result = await callGateway(directoryOperation);
    return result.ok ? { ok: true as const, organisations: result.data.organisations } : result;
  }
  const result = await callGateway(filteredDirectoryOperation, { variables: { filter } });
  if (!result.ok) return result;
  const byId = new Map<string, DirectoryOrganisation>();
  for (const { organisation, ...service } of result.data.services) {
    const entry = byId.get(organisation.id) ?? { ...organisation, services: [] };
    entry.services.push(service);
    byId.set(organisation.id, entry);
  }
  return { ok: true as const, organisations: [...byId.values()] };
}

export default async function DirectoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const entered = await enterArea('directory');
  if (!entered.ok) return entered.render;

  const t = await getTranslations('Directory');

  const vocabulary = await getVocabulary();
  const params = await searchParams;
  // Unknown values are ignored rather than echoed back.
  const filter: Filter = {
    province: isProvince(params.province) ? params.province : undefined,
    type: isServiceType(params.type) ? params.type : undefined,
  };

  const result = await loadDirectory(filter);
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const organisations = result.organisations
    .filter((organisation) => organisation.kind === 'PARTNER')
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  return (
    <>
      <div className="page-heading">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        {/* The whole directory whatever the filter: a file for other directories (Open Referral HSDS 3.0). */}
        <p className={styles.export}>
          <a href={HSDS_EXPORT_PATH} download className="button button-small">
            {t('downloadHsds')}
          </a>
        </p>
      </div>

      {/* A GET form: the filter lives in the URL, works without JavaScript and can be shared. */}
      <form method="get" action="/directory" className={styles.filter} role="search">
        <div className="field">
          <label htmlFor="filter-province">{t('province')}</label>
          <select id="filter-province" name="province" defaultValue={filter.province ?? ''}>
            <option value="">{t('all')}</option>
            {PROVINCES.map((province) => (
              <option key={province} value={province}>
                {vocabulary.province(province)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-type">{t('serviceType')}</label>
          <select id="filter-type" name="type" defaultValue={filter.type ?? ''}>
            <option value="">{t('all')}</option>
            {SERVICE_TYPES.map((type) => (
              <option key={type} value={type}>
                {vocabulary.serviceType(type)}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filterActions}>
          <button type="submit" className="button button-primary">
            {t('apply')}
          </button>
          {filter.province || filter.type ? (
            <a href="/directory" className="button button-quiet">
              {t('reset')}
            </a>
          ) : null}
        </div>
      </form>

      <p className={styles.count} role="status">
        {organisations.length === 1 ? t('resultsOne') : t('results', { count: organisations.length })}
      </p>

      {organisations.length === 0 ? (
        <p className="notice notice-info">{t('empty')}</p>
      ) : (
        <ul className={styles.list}>
          {organisations.map((organisation) => (
            <li key={organisation.id} className="card">
              <div className={styles.cardHeading}>
                <h2 className={styles.name}>{organisation.name}</h2>
                {organisation.profile ? (
                  <span className={organisation.profile.acceptingReferrals ? 'badge badge-positive' : 'badge badge-warning'}>
                    {organisation.profile.acceptingReferrals ? t('acceptingReferrals') : t('notAcceptingReferrals')}
                  </span>
                ) : null}
              </div>
              {organisation.profile ? (
                <p className="muted">
                  {organisation.profile.city}, {vocabulary.province(organisation.profile.province)}
                </p>
              ) : null}
              {organisation.profile?.description ? <p>{organisation.profile.description}</p> : null}
              <h3 className={styles.servicesHeading}>{t('services')}</h3>
              <ServiceList services={organisation.services} highlightType={filter.type} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
