import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { organisationProfileOperation } from '@/lib/operations/partners';
import { leaveIfSessionEnded } from '@/lib/session';
import { CARE_KINDS, PROVINCES } from '@/lib/vocabulary';
import { enterOrganisationAdmin } from '../organisation-admin';
import { OrganisationAdminHeading } from '../organisation-admin-heading';
import { ProfileForm } from './profile-form';

export const generateMetadata = titled('OrganisationProfile');

export default async function OrganisationProfilePage() {
  const entered = await enterOrganisationAdmin();
  if (!entered.ok) return entered.render;

  const t = await getTranslations('OrganisationProfile');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const result = await callGateway(organisationProfileOperation, { variables: { id: entered.organisation.id } });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const profile = result.data.organisation?.profile;

  return (
    <>
      <OrganisationAdminHeading organisation={entered.organisation} title={t('title')}>
        {profile ? <p className="muted">{t('updatedAt', { at: dates.dateTime(profile.updatedAt) })}</p> : null}
      </OrganisationAdminHeading>
      {profile ? (
        <ProfileForm
          profile={profile}
          careKinds={CARE_KINDS.map((value) => ({ value, label: vocabulary.careOrganisationKind(value) }))}
          provinces={PROVINCES.map((value) => ({ value, label: vocabulary.province(value) }))}
        />
      ) : (
        <p className="notice notice-info">{t('noProfile')}</p>
      )}
    </>
  );
}
