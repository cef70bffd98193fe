import type { Metadata } from 'next';
import { ErrorNotice } from '@/components/error-notice';
import { TableScroll } from '@/components/table-scroll';
import { getTranslations } from 'next-intl/server';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { casesOperation } from '@/lib/operations/cases';
import { leaveIfSessionEnded } from '@/lib/session';

export const generateMetadata = titled('Cases');

export default async function CasesPage() {
  const entered = await enterArea('cases');
  if (!entered.ok) return entered.render;

  const t = await getTranslations('Cases');

  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const result = await callGateway(casesOperation);
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  // The gateway answers newest first; the page shows the newest 100 (the full case screens come with issue 6).
  const cases = result.data.cases.nodes;

  return (
    <>
      <div className="page-heading">
        <h1 id="cases-heading">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      {cases.length === 0 ? (
        <p className="notice notice-info">{t('empty')}</p>
      ) : (
        <TableScroll labelledBy="cases-heading">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('reference')}</th>
                <th scope="col">{t('urgency')}</th>
                <th scope="col">{t('needs')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((item) => (
                <tr key={item.id}>
                  <th scope="row" className="mono">
                    {item.reference}
                  </th>
                  <td>{t(`urgency_${item.urgency}`)}</td>
                  <td>{item.needs.map(vocabulary.serviceType).join(', ')}</td>
                  <td>{t(`status_${item.status}`)}</td>
                  <td>{dates.dateTime(item.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
