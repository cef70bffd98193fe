import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { DataTable } from '@/components/data-table';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { apiTokensOperation } from '@/lib/operations/identity';
import { leaveIfSessionEnded } from '@/lib/session';
import { enterOrganisationAdmin } from '../organisation-admin';
import { OrganisationAdminHeading } from '../organisation-admin-heading';
import { CreateTokenForm, RevokeTokenForm } from './token-forms';
import { API_SCOPE_NAMES } from '@/lib/vocabulary';

export const generateMetadata = titled('OrganisationTokens');

/** The partner admin's integration tokens: the list (prefix only, never the secret), a new one, revoking. */
export default async function OrganisationTokensPage() {
  const entered = await enterOrganisationAdmin();
  if (!entered.ok) return entered.render;

  const t = await getTranslations('OrganisationTokens');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const result = await callGateway(apiTokensOperation);
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const tokens = result.data.apiTokens;
  const now = Date.now();
  const status = (token: (typeof tokens)[number]) => {
    if (token.revokedAt) return <span className="badge badge-danger">{t('statusRevoked', { at: dates.dateTime(token.revokedAt) })}</span>;
    if (token.expiresAt && Date.parse(token.expiresAt) <= now) return <span className="badge badge-warning">{t('statusExpired')}</span>;
    return <span className="badge badge-positive">{t('statusActive')}</span>;
  };

  return (
    <>
      <OrganisationAdminHeading organisation={entered.organisation} title={t('title')}>
        <p className="muted">{t('intro')}</p>
      </OrganisationAdminHeading>

      <section className="section" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t('list', { count: tokens.length })}</h2>
        {tokens.length === 0 ? (
          <p className="muted">{t('empty')}</p>
        ) : (
          <DataTable labelledBy="tokens-heading" columns={[t('name'), t('prefix'), t('scopes'), t('createdAt'), t('expiresAt'), t('lastUsedAt'), t('status'), <span className="visually-hidden">{t('actions')}</span>]}>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td className="mono">{token.prefix}…</td>
                <td>{token.scopes.map((scope) => vocabulary.apiScope(scope)).join(', ')}</td>
                <td>{dates.dateTime(token.createdAt)}</td>
                <td>{token.expiresAt ? dates.date(token.expiresAt) : t('never')}</td>
                <td>{token.lastUsedAt ? dates.dateTime(token.lastUsedAt) : t('neverUsed')}</td>
                <td>{status(token)}</td>
                <td>{token.revokedAt ? null : <RevokeTokenForm tokenId={token.id} name={token.name} />}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section className="section card" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">{t('newToken')}</h2>
        <CreateTokenForm scopes={API_SCOPE_NAMES.map((value) => ({ value, label: vocabulary.apiScope(value) }))} />
      </section>
    </>
  );
}
