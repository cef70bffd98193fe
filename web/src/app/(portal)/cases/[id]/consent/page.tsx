import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { caseConsentOperation } from '@/lib/operations/consent';
import { failedRecordRead } from '@/lib/record-read';
import { CaseNav } from '../../_components/case-nav';
import { recordConsent } from './actions';
import { ConsentForm } from './consent-form';
import { WithdrawConsentForm } from './withdraw-form';
import { DATA_CATEGORIES, GIVEN_BY, GIVEN_HOW, LEGAL_BASES, PURPOSES } from '@/lib/vocabulary';

export const generateMetadata = titled('CaseConsent');

/** The consent recorded for a case (what holds now) and the form to record a new one. */
export default async function CaseConsentPage({ params }: { params: Promise<{ id: string }> }) {
  const entered = await enterArea('cases');
  if (!entered.ok) return entered.render;
  const { id } = await params;
  const t = await getTranslations('CaseConsent');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const result = await callGateway(caseConsentOperation, { variables: { id } });
  if (!result.ok) return failedRecordRead(result.failure);
  const item = result.data.case;
  if (!item) notFound();
  // null only when the consent service could not answer: this page is nothing without the records.
  const records = item.consentRecords;
  if (!records) return failedRecordRead({ kind: 'UNAVAILABLE' });
  const partners = result.data.organisations.filter((organisation) => organisation.kind === 'PARTNER' && organisation.active);
  const names = new Map(result.data.organisations.map((organisation) => [organisation.id, organisation.name]));
  const none = t('none');

  return (
    <>
      <CaseNav caseId={item.id} current="consent" />
      <div className="page-heading">
        <p className="eyebrow mono">{item.reference}</p>
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>

      <section className="section" aria-labelledby="records-heading">
        <h2 id="records-heading">{t('recordsTitle')}</h2>
        {records.length === 0 ? (
          <p className="notice notice-warning">{t('recordsEmpty')}</p>
        ) : (
          records.map((record) => (
            // Keyed by the record, not the version: a partial withdrawal makes a new version, and the withdraw
            // form must stay mounted to show its confirmation.
            <article className="card" key={record.recordId} aria-label={t('recordLabel', { version: record.version })}>
              <p>
                <span className={record.status === 'ACTIVE' ? 'badge badge-positive' : 'badge'}>{vocabulary.consentStatus(record.status)}</span>{' '}
                <strong>{vocabulary.legalBasis(record.legalBasis)}</strong> <span className="muted">{t('version', { version: record.version })}</span>
              </p>
              <dl className="details">
                <dt>{t('categories')}</dt>
                <dd>{record.categories.map(vocabulary.dataCategory).join(', ')}</dd>
                <dt>{t('purposes')}</dt>
                <dd>{record.purposes.map(vocabulary.purpose).join(', ')}</dd>
                <dt>{t('recipients')}</dt>
                <dd>{record.wholeNetwork ? t('wholeNetwork') : record.recipientOrganisationIds.map((orgId) => names.get(orgId) ?? orgId).join(', ') || none}</dd>
                <dt>{t('givenBy')}</dt>
                <dd>
                  {vocabulary.givenBy(record.givenBy)} · {vocabulary.givenHow(record.givenHow)}
                </dd>
                <dt>{t('valid')}</dt>
                <dd>
                  {record.validUntil
                    ? t('validFromUntil', { from: dates.dateTime(record.validFrom), until: dates.dateTime(record.validUntil) })
                    : t('validFrom', { from: dates.dateTime(record.validFrom) })}
                </dd>
                {record.justification ? (
                  <>
                    <dt>{t('justification')}</dt>
                    <dd className="break">{record.justification}</dd>
                  </>
                ) : null}
              </dl>
              {record.status === 'ACTIVE' ? (
                <WithdrawConsentForm
                  caseId={item.id}
                  recordId={record.recordId}
                  categories={record.categories.map((value) => ({ value, label: vocabulary.dataCategory(value) }))}
                />
              ) : null}
            </article>
          ))
        )}
      </section>

      {item.status === 'OPEN' ? (
        <section className="section card" aria-labelledby="consent-form-heading">
          <h2 id="consent-form-heading">{t('formTitle')}</h2>
          {item.age === null && item.ageGroup === null ? <p className="notice notice-info">{t('noAgeHint')}</p> : null}
          {item.ageGroup === 'UNDER_16' ? <p className="notice notice-info">{t('minorHint')}</p> : null}
          <ConsentForm
            record={recordConsent.bind(null, item.id)}
            options={{
              legalBases: LEGAL_BASES.map((value) => ({ value, label: vocabulary.legalBasis(value) })),
              categories: DATA_CATEGORIES.map((value) => ({ value, label: vocabulary.dataCategory(value) })),
              purposes: PURPOSES.map((value) => ({ value, label: vocabulary.purpose(value) })),
              givenBy: GIVEN_BY.map((value) => ({ value, label: vocabulary.givenBy(value) })),
              givenHow: GIVEN_HOW.map((value) => ({ value, label: vocabulary.givenHow(value) })),
              organisations: partners.map((organisation) => ({ value: organisation.id, label: organisation.name })),
            }}
          />
        </section>
      ) : (
        <p className="notice notice-info">{t('caseClosed')}</p>
      )}
    </>
  );
}
