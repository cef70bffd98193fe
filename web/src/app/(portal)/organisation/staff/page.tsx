import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { titled } from '@/i18n/page-title';
import { callGateway } from '@/lib/gateway';
import { organisationMembersOperation } from '@/lib/operations/identity';
import { leaveIfSessionEnded } from '@/lib/session';
import { enterOrganisationAdmin } from '../organisation-admin';
import { OrganisationAdminHeading } from '../organisation-admin-heading';
import { MembersSection } from './members-section';

export const generateMetadata = titled('OrganisationStaff');

/** The partner admin's staff accounts: roles, removal, new accounts. */
export default async function OrganisationStaffPage({ searchParams }: { searchParams: Promise<{ remove?: string; removed?: string }> }) {
  const entered = await enterOrganisationAdmin();
  if (!entered.ok) return entered.render;
  const { remove, removed } = await searchParams;

  const t = await getTranslations('OrganisationStaff');
  const result = await callGateway(organisationMembersOperation, { variables: { id: entered.organisation.id } });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const organisation = result.data.organisation;
  if (!organisation) return <ErrorNotice failure={{ kind: 'FORBIDDEN' }} />;

  return (
    <>
      <OrganisationAdminHeading organisation={entered.organisation} title={t('title')}>
        <p className="muted">{t('intro')}</p>
      </OrganisationAdminHeading>
      <MembersSection
        place="organisation"
        path="/organisation/staff"
        organisation={organisation}
        members={organisation.members ?? []}
        confirmRemove={typeof remove === 'string' ? remove : undefined}
        removed={removed === '1'}
        currentUserId={entered.session.user.id}
      />
    </>
  );
}
