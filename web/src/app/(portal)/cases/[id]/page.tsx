import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StateBadge, UrgencyBadge } from '@/components/badges';
import { DataTable } from '@/components/data-table';
import { IncompleteNotice } from '@/components/incomplete-notice';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { caseAccessLogOperation, caseOperation } from '@/lib/operations/cases';
import { failedRecordRead } from '@/lib/record-read';
import { CaseNav } from '../_components/case-nav';
import { ReasonForm } from '../_components/reason-form';
import { Timeline } from '../_components/timeline';
import { closeCase } from './actions';
import { PersonalData } from './personal-data';
import { AccessLog } from './access-log';
import styles from './case.module.css';

export const generateMetadata = titled('CasePage');

/**
 * One case as its coordinator works it: facts, the personal data (the only page that asks for it, so
 * each category read is audited once per view), referrals, the timeline, who read the data, and closing.
 */
export default async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const entered = await enterArea('cases');
  if (!entered.ok) return entered.render;
  const { id } = await params;
  const justCreated = (await searchParams).created === '1';

  const t = await getTranslations('CasePage');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const common = await getTranslations('Common');
  // The case is cases'; consent adds its records and the directory the services' names. Without either the
  // case still stands — but not without the case itself (null with an error is a failure, not "not found").
  const result = await callGateway(caseOperation, { variables: { id }, partial: (data) => data.case !== null });
  if (!result.ok) return failedRecordRead(result.failure);
  const item = result.data.case;
  if (!item) notFound();
  // After the case: the log then includes this very view, so the coordinator sees their own read too.
  const accessLog = await callGateway(caseAccessLogOperation, { variables: { caseId: id } });

  const open = item.status === 'OPEN';
  // The welcome only while nothing else has happened yet: a later visit to the same address does not repeat it.
  // null: the consent service could not answer — then the page claims neither "consent" nor "no consent".
  const consentRecords = item.consentRecords;
  const created = justCreated && open && item.referrals.length === 0 && consentRecords?.length === 0;
  const activeConsent = consentRecords?.some((record) => record.status === 'ACTIVE');
  const serviceNames = Object.fromEntries(
    item.referrals.flatMap((referral) => (referral.service ? [[referral.id, referral.service.name] as const] : [])),
  );
  const none = t('notGiven');

  return (
    <>
      <CaseNav caseId={item.id} current="case" />
      <div className="page-heading">
        <p className="eyebrow">{t('eyebrow')}</p>
        <h1>
          <span className="mono">{item.reference}</span>
        </h1>
        <p>
          <UrgencyBadge urgency={item.urgency} />{' '}
          <span className={open ? 'badge badge-info' : 'badge'}>{vocabulary.caseStatus(item.status)}</span>
        </p>
      </div>

      <div className={styles.notices}>
        <IncompleteNotice incomplete={result.incomplete} />
        {created ? (
          <p className="notice notice-success" role="status">
            {t('created')}
          </p>
        ) : null}
        {!open ? (
          <p className="notice notice-info">{t('closedNotice', { at: item.closedAt ? dates.dateTime(item.closedAt) : none })}</p>
        ) : activeConsent === undefined ? null : !activeConsent ? (
          <div className="notice notice-warning">
            <p className="notice-title">{t('noConsentTitle')}</p>
            <p>
              {t('noConsentBody')} <Link href={`/cases/${item.id}/consent`}>{t('recordConsent')}</Link>
            </p>
          </div>
        ) : (
          <p className="notice notice-info">
            {t('consentOk')} <Link href={`/cases/${item.id}/match`}>{t('findServices')}</Link>
          </p>
        )}
      </div>

      <div className="split">
        <div>
          <section className="section card" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{t('factsTitle')}</h2>
            <dl className="details">
              <dt>{t('needs')}</dt>
              <dd>{item.needs.map(vocabulary.serviceType).join(', ')}</dd>
              <dt>{t('age')}</dt>
              <dd>{item.age ?? none}</dd>
              <dt>{t('ageGroup')}</dt>
              <dd>{item.ageGroup ? vocabulary.ageGroup(item.ageGroup) : none}</dd>
              <dt>{t('gender')}</dt>
              <dd>{item.gender ? vocabulary.gender(item.gender) : none}</dd>
              <dt>{t('languages')}</dt>
              <dd className="mono">{item.languages.length ? item.languages.join(', ') : none}</dd>
              <dt>{t('exploitationType')}</dt>
              <dd>{item.exploitationType ? vocabulary.exploitationType(item.exploitationType) : none}</dd>
              <dt>{t('place')}</dt>
              <dd>{item.place ?? none}</dd>
              <dt>{t('province')}</dt>
              <dd>{item.province ? vocabulary.province(item.province) : none}</dd>
              <dt>{t('coordinator')}</dt>
              <dd>{item.coordinator?.displayName ?? none}</dd>
              <dt>{t('createdAt')}</dt>
              <dd>{dates.dateTime(item.createdAt)}</dd>
            </dl>
          </section>

          <PersonalData data={item.personalData} />

          <section className="section" aria-labelledby="referrals-heading">
            <div className="section-heading">
              <h2 id="referrals-heading">{t('referralsTitle')}</h2>
              {open ? (
                <Link className="button button-small" href={`/cases/${item.id}/match`}>
                  {t('findServices')}
                </Link>
              ) : null}
            </div>
            {item.referrals.length === 0 ? (
              <p className="muted">{t('referralsEmpty')}</p>
            ) : (
              <DataTable labelledBy="referrals-heading" columns={[t('service'), t('state'), t('need'), t('deadline')]}>
                {item.referrals.map((referral) => (
                  <tr key={referral.id}>
                    <th scope="row">
                      <Link href={`/cases/${item.id}/referrals/${referral.id}`}>{referral.service?.name ?? common('serviceUnknown')}</Link>
                      <br />
                      <span className="muted">{referral.organisation.name}</span>
                    </th>
                    <td>
                      <StateBadge state={referral.state} /> {referral.overdue ? <span className="badge badge-danger">{t('overdue')}</span> : null}
                    </td>
                    <td>{vocabulary.serviceType(referral.need)}</td>
                    <td>{referral.state === 'SENT' ? dates.dateTime(referral.deadlineAt) : none}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>

          <section className="section" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t('timelineTitle')}</h2>
            <Timeline events={item.timeline} caseId={item.id} serviceNames={serviceNames} />
          </section>
        </div>

        <aside aria-label={t('asideLabel')}>
          <section className="card" aria-labelledby="consent-heading">
            <h2 id="consent-heading">{t('consentTitle')}</h2>
            <p>
              {consentRecords
                ? t('consentCount', { count: consentRecords.filter((record) => record.status === 'ACTIVE').length })
                : t('consentUnavailable')}
            </p>
            <p>
              <Link href={`/cases/${item.id}/consent`}>{t('toConsent')}</Link>
            </p>
            <p>
              <Link href={`/cases/${item.id}/emergency`}>{t('toEmergency')}</Link>
            </p>
          </section>
          {open ? (
            <section className="card" aria-labelledby="close-heading">
              <h2 id="close-heading">{t('closeTitle')}</h2>
              <p className="muted">{t('closeIntro')}</p>
              <ReasonForm
                form="close-case"
                action={closeCase.bind(null, item.id)}
                text={{ label: t('closeReason'), submit: t('closeSubmit'), pending: t('closing'), formLabel: t('closeTitle') }}
              />
            </section>
          ) : null}
        </aside>
      </div>

      <AccessLog result={accessLog} />
    </>
  );
}
