import type { Metadata } from 'next';
import { ErrorNotice } from '@/components/error-notice';
import { ServiceList } from '@/components/service-list';
import { getTranslations } from 'next-intl/server';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { callGateway } from '@/lib/gateway';
import { organisationOperation } from '@/lib/operations/partners';
import { leaveIfSessionEnded } from '@/lib/session';

export const generateMetadata = titled('Organisation');

export default async function OrganisationPage() {
  const entered = await enterArea('organisation');
  if (!entered.ok) return entered.render;
  const { session } = entered;

  const t = await getTranslations('Organisation');

  const vocabulary = await getVocabulary();
  const directory = await getTranslations('Directory');
  const common = await getTranslations('Common');
  const organisationId = session.activeOrganisation?.id;
  if (!organisationId) return null; // the portal layout has already sent the user to choose one
  const result = await callGateway(organisationOperation, { variables: { id: organisationId } });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const own = result.data.organisation;

  return (
    <>
      <div className="page-heading">
        <p className="eyebrow">{t('title')}</p>
        <h1>{session.activeOrganisation?.name}</h1>
      </div>

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
              {own.profile.acceptingReferrals ? directory('acceptingReferrals') : directory('notAcceptingReferrals')}
            </dd>
            <dt>{t('description')}</dt>
            <dd>{own.profile.description || common('none')}</dd>
          </dl>
        ) : (
          <p className="muted">{t('noProfile')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="services-heading">
        <h2 id="services-heading">{t('services')}</h2>
        {own && own.services.length > 0 ? <ServiceList services={own.services} /> : <p className="muted">{t('noServices')}</p>}
      </section>
    </>
  );
}
