import type { Metadata } from 'next';
import { ErrorNotice } from '@/components/error-notice';
import { TableScroll } from '@/components/table-scroll';
import { getTranslations } from 'next-intl/server';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { callGateway } from '@/lib/gateway';
import { usersOperation } from '@/lib/operations/identity';
import { leaveIfSessionEnded } from '@/lib/session';

export const generateMetadata = titled('Admin');

export default async function AdminPage() {
  const entered = await enterArea('admin');
  if (!entered.ok) return entered.render;

  const t = await getTranslations('Admin');

  const vocabulary = await getVocabulary();
  const common = await getTranslations('Common');
  const result = await callGateway(usersOperation);
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const organisations = [...result.data.organisations].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const users = [...result.data.users].sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '', 'nl'));

  return (
    <>
      <div className="page-heading">
        <h1>{t('title')}</h1>
      </div>

      <section aria-labelledby="users-heading" className="section">
        <h2 id="users-heading">{t('users', { count: users.length })}</h2>
        <TableScroll labelledBy="users-heading">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('memberships')}</th>
                <th scope="col">{t('active')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.displayName}</th>
                  <td className="break">{user.email}</td>
                  <td>
                    {!user.memberships?.length
                      ? common('none')
                      : user.memberships.map((m) => `${vocabulary.role(m.role)} · ${m.organisation.name}`).join('; ')}
                  </td>
                  <td>{user.active ? common('yes') : <span className="badge badge-warning">{t('inactive')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="organisations-heading" className="section">
        <h2 id="organisations-heading">{t('organisations', { count: organisations.length })}</h2>
        <TableScroll labelledBy="organisations-heading">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('kind')}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((organisation) => (
                <tr key={organisation.id}>
                  <th scope="row">{organisation.name}</th>
                  <td>{vocabulary.organisationKind(organisation.kind)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
