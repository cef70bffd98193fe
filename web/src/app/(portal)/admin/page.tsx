import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { DataTable } from '@/components/data-table';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { callGateway } from '@/lib/gateway';
import { adminOrganisationsOperation } from '@/lib/operations/identity';
import { leaveIfSessionEnded } from '@/lib/session';
import { ORGANISATION_KINDS } from '@haven/kit/src/taxonomy';
import { AdminNav } from './admin-nav';
import { CreateOrganisationForm } from './organisation-form';

export const generateMetadata = titled('Admin');

/** The network admin's start: every organisation (each opens its members), and a new one. */
export default async function AdminPage() {
  const entered = await enterArea('admin');
  if (!entered.ok) return entered.render;

  const t = await getTranslations('Admin');
  const vocabulary = await getVocabulary();
  const common = await getTranslations('Common');
  const result = await callGateway(adminOrganisationsOperation);
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const organisations = [...result.data.organisations].sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  return (
    <>
      <div className="page-heading">
        <h1>{t('title')}</h1>
      </div>
      <AdminNav current="organisations" />

      <section aria-labelledby="new-organisation-heading" className="section card">
        <h2 id="new-organisation-heading">{t('newOrganisation')}</h2>
        <p className="muted">{t('newOrganisationIntro')}</p>
        <CreateOrganisationForm kinds={ORGANISATION_KINDS.map((value) => ({ value, label: vocabulary.organisationKind(value) }))} />
      </section>

      <section aria-labelledby="organisations-heading" className="section">
        <h2 id="organisations-heading">{t('organisations', { count: organisations.length })}</h2>
        <DataTable labelledBy="organisations-heading" columns={[t('name'), t('kind'), t('active')]}>
          {organisations.map((organisation) => (
            <tr key={organisation.id}>
              <th scope="row">
                <Link href={`/admin/organisations/${organisation.id}`}>{organisation.name}</Link>
              </th>
              <td>{vocabulary.organisationKind(organisation.kind)}</td>
              <td>{organisation.active ? common('yes') : <span className="badge badge-warning">{t('inactive')}</span>}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
