import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { TableScroll } from '@/components/table-scroll';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { callGateway } from '@/lib/gateway';
import { organisationOperation } from '@/lib/operations/partners';
import { leaveIfSessionEnded } from '@/lib/session';
import styles from './organisation.module.css';

export const generateMetadata = titled('Organisation');

/**
 * The partner's own organisation: profile and services for everyone in it; the admin also gets the ways to
 * change them and to manage staff accounts and API tokens. Staff see it read-only, with their capacity page.
 */
export default async function OrganisationPage() {
  const entered = await enterArea('organisation');
  if (!entered.ok) return entered.render;
  const { session } = entered;
  const organisationId = session.activeOrganisation?.id;
  if (!organisationId) return null; // the portal layout has already sent the user to choose one

  const t = await getTranslations('Organisation');
  const vocabulary = await getVocabulary();
  const common = await getTranslations('Common');
  const isAdmin = session.roles.includes('PARTNER_ADMIN');
  const result = await callGateway(organisationOperation, { variables: { id: organisationId } });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const own = result.data.organisation;
  const ages = (min: number | null, max: number | null) =>
    min === null && max === null
      ? t('allAges')
      : max === null
        ? t('ageFrom', { min: min ?? 0 })
        : min === null
          ? t('ageUpTo', { max })
          : t('ageRange', { min, max });

  return (
    <>
      <div className="page-heading">
        <p className="eyebrow">{t('title')}</p>
        <h1>{session.activeOrganisation?.name}</h1>
      </div>

      <nav aria-label={t('tasks')} className={styles.tasks}>
        <ul>
          <li>
            <Link className="button" href="/organisation/capacity">
              {t('capacityLink')}
            </Link>
          </li>
          {isAdmin ? (
            <>
              <li>
                <Link className="button" href="/organisation/profile">
                  {t('editProfile')}
                </Link>
              </li>
              <li>
                <Link className="button" href="/organisation/staff">
                  {t('staffLink')}
                </Link>
              </li>
              <li>
                <Link className="button" href="/organisation/tokens">
                  {t('tokensLink')}
                </Link>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
      {isAdmin ? null : <p className="muted">{t('readOnly')}</p>}

      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('profile')}</h2>
        {own?.profile ? (
          <dl className="details">
            <dt>{t('location')}</dt>
            <dd>
              {own.profile.city}, {vocabulary.province(own.profile.province)}
            </dd>
            <dt>{t('referrals')}</dt>
            <dd>
              {own.profile.acceptingReferrals ? (
                <span className="badge badge-positive">{t('accepting')}</span>
              ) : (
                <span className="badge badge-warning">{t('notAccepting')}</span>
              )}
            </dd>
            <dt>{t('description')}</dt>
            <dd>{own.profile.description || common('none')}</dd>
          </dl>
        ) : (
          <p className="muted">{t('noProfile')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="services-heading">
        <div className="section-heading">
          <h2 id="services-heading">{t('services')}</h2>
          {isAdmin ? (
            <Link className="button button-small" href="/organisation/services/new">
              {t('addService')}
            </Link>
          ) : null}
        </div>
        {own && own.services.length > 0 ? (
          <TableScroll labelledBy="services-heading">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('serviceName')}</th>
                  <th scope="col">{t('serviceType')}</th>
                  <th scope="col">{t('serviceProvince')}</th>
                  <th scope="col">{t('serviceAges')}</th>
                  {isAdmin ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('actions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {own.services.map((service) => (
                  <tr key={service.id}>
                    <th scope="row">{service.name}</th>
                    <td>{vocabulary.serviceType(service.type)}</td>
                    <td>{vocabulary.province(service.province)}</td>
                    <td>{ages(service.minAge, service.maxAge)}</td>
                    {isAdmin ? (
                      <td>
                        <Link href={`/organisation/services/${service.id}`} aria-label={t('editServiceNamed', { name: service.name })}>
                          {t('editService')}
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="muted">{t('noServices')}</p>
        )}
      </section>
    </>
  );
}
