import type { Metadata } from 'next';
import { ErrorNotice } from '@/components/error-notice';
import { TableScroll } from '@/components/table-scroll';
import { getTranslations } from 'next-intl/server';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { callGateway } from '@/lib/gateway';
import { networkOverviewOperation } from '@/lib/operations/partners';
import { leaveIfSessionEnded } from '@/lib/session';

export const generateMetadata = titled('Audit');

export default async function AuditPage() {
  const entered = await enterArea('audit');
  if (!entered.ok) return entered.render;

  const t = await getTranslations('Audit');

  const vocabulary = await getVocabulary();
  const common = await getTranslations('Common');
  const result = await callGateway(networkOverviewOperation);
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
      <p className="notice notice-info">{t('notice')}</p>

      <section aria-labelledby="organisations-heading" className="section">
        <h2 id="organisations-heading">{t('organisations', { count: organisations.length })}</h2>
        <TableScroll labelledBy="organisations-heading">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('kind')}</th>
                <th scope="col">{t('location')}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((organisation) => (
                <tr key={organisation.id}>
                  <th scope="row">{organisation.name}</th>
                  <td>{vocabulary.organisationKind(organisation.kind)}</td>
                  <td>
                    {organisation.profile
                      ? `${organisation.profile.city}, ${vocabulary.province(organisation.profile.province)}`
                      : common('none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
