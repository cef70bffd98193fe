import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { editableServiceOperation } from '@/lib/operations/partners';
import { leaveIfSessionEnded } from '@/lib/session';
import { EXPLOITATION_TYPES, GENDERS, PROVINCES, SERVICE_TYPES } from '@/lib/vocabulary';
import { enterOrganisationAdmin } from '../../organisation-admin';
import { OrganisationAdminHeading } from '../../organisation-admin-heading';
import { ServiceForm } from './service-form';

export const generateMetadata = titled('OrganisationService');

export default async function OrganisationServicePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const entered = await enterOrganisationAdmin();
  if (!entered.ok) return entered.render;
  const { id } = await params;

  const t = await getTranslations('OrganisationService');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const result = await callGateway(editableServiceOperation, { variables: { id } });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const service = result.data.service;
  // Another organisation's service is in the public directory, but not this admin's to edit.
  if (!service || service.organisation.id !== entered.organisation.id) {
    return (
      <section className="notice-panel" role="status" aria-labelledby="service-missing">
        <h1 id="service-missing">{t('notFoundTitle')}</h1>
        <p>{t('notFoundBody')}</p>
        <p className="actions">
          <Link className="button" href="/organisation">
            {t('back')}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <>
      <OrganisationAdminHeading organisation={entered.organisation} title={t('heading', { name: service.name })}>
        <p className="muted">{t('updatedAt', { at: dates.dateTime(service.updatedAt) })}</p>
      </OrganisationAdminHeading>
      {(await searchParams).created ? (
        <p className="notice notice-success" role="status">
          {t('created')}
        </p>
      ) : null}
      <ServiceForm
        target={{ serviceId: service.id }}
        service={service}
        types={SERVICE_TYPES.map((value) => ({ value, label: vocabulary.serviceType(value) }))}
        provinces={PROVINCES.map((value) => ({ value, label: vocabulary.province(value) }))}
        genders={GENDERS.map((value) => ({ value, label: vocabulary.gender(value) }))}
        exploitationTypes={EXPLOITATION_TYPES.map((value) => ({ value, label: vocabulary.exploitationType(value) }))}
      />
    </>
  );
}
