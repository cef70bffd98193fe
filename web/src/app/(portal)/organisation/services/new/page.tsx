import { getTranslations } from 'next-intl/server';
import { getVocabulary } from '@/i18n/vocabulary';
import { EXPLOITATION_TYPES, GENDERS, PROVINCES, SERVICE_TYPES } from '@/lib/vocabulary';
import { enterOrganisationAdmin } from '../../organisation-admin';
import { OrganisationAdminHeading } from '../../organisation-admin-heading';
import { ServiceForm } from '../[id]/service-form';

export async function generateMetadata() {
  return { title: (await getTranslations('OrganisationService'))('newHeading') };
}

/** A new service of the admin's own organisation: the same form as an edit, empty. */
export default async function NewServicePage() {
  const entered = await enterOrganisationAdmin();
  if (!entered.ok) return entered.render;
  const t = await getTranslations('OrganisationService');
  const vocabulary = await getVocabulary();
  return (
    <>
      <OrganisationAdminHeading organisation={entered.organisation} title={t('newHeading')}>
        <p className="muted">{t('newIntro')}</p>
      </OrganisationAdminHeading>
      <ServiceForm
        target={{ organisationId: entered.organisation.id }}
        types={SERVICE_TYPES.map((value) => ({ value, label: vocabulary.serviceType(value) }))}
        provinces={PROVINCES.map((value) => ({ value, label: vocabulary.province(value) }))}
        genders={GENDERS.map((value) => ({ value, label: vocabulary.gender(value) }))}
        exploitationTypes={EXPLOITATION_TYPES.map((value) => ({ value, label: vocabulary.exploitationType(value) }))}
      />
    </>
  );
}
