import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { DataTable } from '@/components/data-table';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { callGateway } from '@/lib/gateway';
import { adminUsersOperation } from '@/lib/operations/identity';
import { leaveIfSessionEnded } from '@/lib/session';
import { ROLES } from '@/lib/vocabulary';
import { AdminNav } from '../admin-nav';
import { CreateAccountForm, DeactivateForm } from './user-forms';

export const generateMetadata = titled('AdminUsers');

/** Every account in the network: new ones for any organisation, and deactivation with a confirmation step. */
export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ deactivate?: string; deactivated?: string }> }) {
  const entered = await enterArea('admin');
  if (!entered.ok) return entered.render;
  const { deactivate, deactivated } = await searchParams;

  const t = await getTranslations('AdminUsers');
  const vocabulary = await getVocabulary();
  const common = await getTranslations('Common');
  const result = await callGateway(adminUsersOperation);
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const users = [...result.data.users].sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '', 'nl'));
  const organisations = result.data.organisations
    .filter((organisation) => organisation.active)
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map((organisation) => ({ value: organisation.id, label: organisation.name }));
  const confirming = users.find((user) => user.id === deactivate && user.active);
  const nameOf = (user: (typeof users)[number]) => user.displayName ?? user.email ?? user.id;

  return (
    <>
      <div className="page-heading">
        <h1>{t('title')}</h1>
      </div>
      <AdminNav current="users" />

      {deactivated === '1' ? (
        <p className="notice notice-success" role="status">
          {t('deactivated')}
        </p>
      ) : null}
      {confirming ? <DeactivateForm userId={confirming.id} name={nameOf(confirming)} /> : null}

      <section aria-labelledby="new-account-heading" className="section card">
        <h2 id="new-account-heading">{t('newAccount')}</h2>
        <CreateAccountForm organisations={organisations} roles={ROLES.map((value) => ({ value, label: vocabulary.role(value) }))} />
      </section>

      <section aria-labelledby="users-heading" className="section">
        <h2 id="users-heading">{t('users', { count: users.length })}</h2>
        <DataTable labelledBy="users-heading" columns={[t('name'), t('email'), t('memberships'), t('status'), <span className="visually-hidden">{t('actions')}</span>]}>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{nameOf(user)}</th>
              <td className="break">{user.email}</td>
              <td>
                {!user.memberships?.length
                  ? common('none')
                  : user.memberships.map((m) => `${vocabulary.role(m.role)} · ${m.organisation.name}`).join('; ')}
              </td>
              <td>
                {user.active ? (
                  <span className="badge badge-positive">{t('active')}</span>
                ) : (
                  <span className="badge badge-warning">{t('inactive')}</span>
                )}
              </td>
              <td>
                {user.active && user.id !== entered.session.user.id ? (
                  <Link href={`/admin/users?deactivate=${encodeURIComponent(user.id)}#confirm-deactivate`} aria-label={t('deactivateNamed', { name: nameOf(user) })}>
                    {t('deactivate')}
                  </Link>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
