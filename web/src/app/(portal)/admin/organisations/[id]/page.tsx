import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { callGateway } from '@/lib/gateway';
import { organisationMembersOperation } from '@/lib/operations/identity';
import { leaveIfSessionEnded } from '@/lib/session';
import { MembersSection } from '../../../organisation/staff/members-section';
import { AdminNav } from '../../admin-nav';

export const generateMetadata = titled('AdminOrganisation');

/** One organisation's members for the network admin: roles, removal, new accounts (its first admin too). */
export default async function AdminOrganisationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ remove?: string; removed?: string }>;
}) {
  const entered = await enterArea('admin');
  if (!entered.ok) return entered.render;
  const { id } = await params;
  const { remove, removed } = await searchParams;

  const t = await getTranslations('AdminOrganisation');
  const vocabulary = await getVocabulary();
  // An id that is not a UUID is refused by the API as bad input; here it is simply not found.
  const result = /^[0-9a-f-]{36}$/i.test(id)
    ? await callGateway(organisationMembersOperation, { variables: { id } })
    : ({ ok: true, data: { organisation: null } } as const);
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const organisation = result.data.organisation;
  if (!organisation) {
    return (
      <section className="notice-panel" role="status" aria-labelledby="organisation-missing">
        <h1 id="organisation-missing">{t('notFoundTitle')}</h1>
        <p className="actions">
          <Link className="button" href="/admin">
            {t('back')}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <>
      <div className="page-heading">
        <p className="eyebrow">{vocabulary.organisationKind(organisation.kind)}</p>
        <h1>{organisation.name}</h1>
        {organisation.active ? null : <p className="badge badge-warning">{t('inactive')}</p>}
      </div>
      <AdminNav current={null} />
      <MembersSection
        place="admin"
        path={`/admin/organisations/${organisation.id}`}
        organisation={organisation}
        members={organisation.members ?? []}
        confirmRemove={typeof remove === 'string' ? remove : undefined}
        removed={removed === '1'}
        currentUserId={entered.session.user.id}
      />
    </>
  );
}
