import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ACTIVE_STATES, StateBadge, UrgencyBadge } from '@/components/badges';
import { ErrorNotice } from '@/components/error-notice';
import { IncompleteNotice } from '@/components/incomplete-notice';
import { DataTable } from '@/components/data-table';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { dashboardOperation } from '@/lib/operations/cases';
import { leaveIfSessionEnded } from '@/lib/session';
import styles from './cases.module.css';

export const generateMetadata = titled('Cases');

const URGENCY_ORDER = { IMMEDIATE: 0, URGENT: 1, STANDARD: 2 } as const;

/**
 * The coordinator's dashboard, rendered on the server: what needs them first (overdue referrals), then
 * the active referrals by state, then the open cases. Pseudonymous throughout: no personal data is asked.
 */
export default async function CasesDashboardPage() {
  const entered = await enterArea('cases');
  if (!entered.ok) return entered.render;

  const t = await getTranslations('Cases');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const common = await getTranslations('Common');
  // Without the directory the referrals and cases still come, only the services' names are missing.
  const result = await callGateway(dashboardOperation, { partial: () => true });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const overdue = result.data.overdueReferrals.nodes;
  const active = result.data.sentReferrals.nodes;
  const cases = [...result.data.cases.nodes].sort(
    (a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || b.createdAt.localeCompare(a.createdAt),
  );
  const byState = ACTIVE_STATES.map((state) => ({ state, count: active.filter((r) => r.state === state).length }));
  const overdueIds = new Set(overdue.map((r) => r.id));
  const activeNotOverdue = active.filter((r) => !overdueIds.has(r.id));

  return (
    <>
      <div className={`page-heading ${styles.heading}`}>
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <Link className="button button-primary" href="/cases/new">
          {t('newCase')}
        </Link>
      </div>

      <IncompleteNotice incomplete={result.incomplete} />

      <section className="section" aria-labelledby="overdue-heading">
        <div className="section-heading">
          <h2 id="overdue-heading">{t('overdueTitle', { count: overdue.length })}</h2>
        </div>
        {overdue.length === 0 ? (
          <p className="notice notice-success">{t('overdueNone')}</p>
        ) : (
          <div className={`notice notice-warning ${styles.overdue}`}>
            <p className="notice-title">{t('overdueIntro')}</p>
            <ul className={styles.overdueList}>
              {overdue.map((referral) => (
                <li key={referral.id}>
                  {referral.case ? (
                    <Link href={`/cases/${referral.case.id}/referrals/${referral.id}`} className="mono">
                      {referral.case.reference}
                    </Link>
                  ) : null}{' '}
                  {referral.case ? <UrgencyBadge urgency={referral.case.urgency} /> : null} <StateBadge state={referral.state} />{' '}
                  <span>
                    {t('overdueLine', {
                      service: referral.service?.name ?? common('serviceUnknown'),
                      organisation: referral.organisation.name,
                      need: vocabulary.serviceType(referral.need),
                    })}
                  </span>{' '}
                  <span className="muted">
                    {t('deadlinePassed', { when: dates.relative(referral.deadlineAt), at: dates.dateTime(referral.deadlineAt) })}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="states-heading">
        <h2 id="states-heading">{t('byStateTitle')}</h2>
        <ul className="stats">
          {byState.map(({ state, count }) => (
            <li className="stat" key={state}>
              <span className="stat-value">{count}</span>
              <span className="stat-label">{vocabulary.referralState(state)}</span>
            </li>
          ))}
          <li className="stat">
            <span className="stat-value">{cases.length}</span>
            <span className="stat-label">{t('openCases')}</span>
          </li>
        </ul>
        {activeNotOverdue.length === 0 ? (
          <p className="muted">{t('activeNone')}</p>
        ) : (
          <DataTable labelledBy="states-heading" columns={[t('reference'), t('state'), t('service'), t('deadline')]}>
            {activeNotOverdue.map((referral) => (
              <tr key={referral.id}>
                <th scope="row">
                  {referral.case ? (
                    <Link className="mono" href={`/cases/${referral.case.id}/referrals/${referral.id}`}>
                      {referral.case.reference}
                    </Link>
                  ) : null}
                </th>
                <td>
                  <StateBadge state={referral.state} />
                </td>
                <td>
                  {referral.service?.name ?? <span className="muted">{common('serviceUnknown')}</span>}
                  <br />
                  <span className="muted">{referral.organisation.name}</span>
                </td>
                <td>{referral.state === 'SENT' ? dates.dateTime(referral.deadlineAt) : t('answered')}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {result.data.sentReferrals.hasNextPage ? <p className="muted">{t('moreReferrals')}</p> : null}
      </section>

      <section className="section" aria-labelledby="cases-heading">
        <h2 id="cases-heading">{t('openCasesTitle')}</h2>
        {cases.length === 0 ? (
          <p className="notice notice-info">{t('empty')}</p>
        ) : (
          <DataTable labelledBy="cases-heading" columns={[t('reference'), t('urgency'), t('needs'), t('createdAt')]}>
            {cases.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <Link className="mono" href={`/cases/${item.id}`}>
                    {item.reference}
                  </Link>
                </th>
                <td>
                  <UrgencyBadge urgency={item.urgency} />
                </td>
                <td>{item.needs.map(vocabulary.serviceType).join(', ')}</td>
                <td>{dates.dateTime(item.createdAt)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {result.data.cases.hasNextPage ? <p className="muted">{t('moreCases')}</p> : null}
      </section>
    </>
  );
}
