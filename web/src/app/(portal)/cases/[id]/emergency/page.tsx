import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ACTIVE_STATES } from '@/components/badges';
import { DataTable } from '@/components/data-table';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { emergencyOperation } from '@/lib/operations/cases';
import { failedRecordRead } from '@/lib/record-read';
import { CaseNav } from '../../_components/case-nav';
import { grantEmergencyAccess } from './actions';
import { EmergencyForm } from './emergency-form';
import { DATA_CATEGORIES } from '@/lib/vocabulary';

export const generateMetadata = titled('CaseEmergency');

/** Emergency (break-glass) access: the grants of this case and the form to open one category for a partner. */
export default async function EmergencyPage({ params }: { params: Promise<{ id: string }> }) {
  const entered = await enterArea('cases');
  if (!entered.ok) return entered.render;
  const { id } = await params;
  const t = await getTranslations('CaseEmergency');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const result = await callGateway(emergencyOperation, { variables: { id } });
  if (!result.ok) return failedRecordRead(result.failure);
  const item = result.data.case;
  if (!item) notFound();
  const now = Date.now();
  // Only a partner with an active referral of the case can be given access (the API's rule).
  const partners = new Map(
    item.referrals.filter((referral) => ACTIVE_STATES.includes(referral.state)).map((referral) => [referral.organisation.id, referral.organisation.name]),
  );

  return (
    <>
      <CaseNav caseId={item.id} current="emergency" />
      <div className="page-heading">
        <p className="eyebrow mono">{item.reference}</p>
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>

      <section className="section" aria-labelledby="grants-heading">
        <h2 id="grants-heading">{t('grantsTitle')}</h2>
        {item.emergencyGrants.length === 0 ? (
          <p className="muted">{t('grantsEmpty')}</p>
        ) : (
          <DataTable labelledBy="grants-heading" columns={[t('organisation'), t('category'), t('reason'), t('grantedAt'), t('expiresAt')]}>
            {item.emergencyGrants.map((grant) => (
              <tr key={grant.id}>
                <th scope="row">{grant.organisation.name}</th>
                <td>{vocabulary.dataCategory(grant.category)}</td>
                <td className="break">{grant.reason}</td>
                <td>
                  {dates.dateTime(grant.grantedAt)}
                  <br />
                  <span className="muted">{grant.grantedBy.displayName}</span>
                </td>
                <td>
                  {Date.parse(grant.expiresAt) > now ? <span className="badge badge-warning">{t('active')}</span> : <span className="badge">{t('expired')}</span>}{' '}
                  {dates.dateTime(grant.expiresAt)}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section className="section card" aria-labelledby="emergency-form-heading">
        <h2 id="emergency-form-heading">{t('formTitle')}</h2>
        {item.status !== 'OPEN' ? (
          <p className="notice notice-info">{t('caseClosed')}</p>
        ) : partners.size === 0 ? (
          <p className="notice notice-info">{t('noPartners')}</p>
        ) : (
          <>
            <p className="notice notice-warning">{t('warning')}</p>
            <EmergencyForm
              grant={grantEmergencyAccess.bind(null, item.id)}
              organisations={[...partners].map(([value, label]) => ({ value, label }))}
              categories={DATA_CATEGORIES.map((value) => ({ value, label: vocabulary.dataCategory(value) }))}
            />
          </>
        )}
      </section>
    </>
  );
}
