import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { UrgencyBadge } from '@/components/badges';
import { DataTable } from '@/components/data-table';
import { Deadline } from '@/components/deadline/deadline';
import { ErrorNotice } from '@/components/error-notice';
import { IncompleteNotice } from '@/components/incomplete-notice';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { incomingReferralsOperation, type IncomingReferral } from '@/lib/operations/inbox';
import { leaveIfSessionEnded } from '@/lib/session';
import styles from './inbox.module.css';

export const generateMetadata = titled('Inbox');

const ENDED_STATES = ['DECLINED', 'WITHDRAWN', 'EXPIRED', 'CANCELLED', 'CLOSED'] as const;
const URGENCY_ORDER = { IMMEDIATE: 0, URGENT: 1, STANDARD: 2 } as const;

/** Waiting for an answer: immediate danger first, then overdue, then the soonest deadline. */
function byUrgencyThenDeadline(a: IncomingReferral, b: IncomingReferral): number {
  const urgency = (r: IncomingReferral) => (r.case ? URGENCY_ORDER[r.case.urgency] : 3);
  return urgency(a) - urgency(b) || Number(b.overdue) - Number(a.overdue) || a.deadlineAt.localeCompare(b.deadlineAt);
}

/**
 * The partner's inbox, rendered on the server: referrals waiting for an answer (with the deadline counting
 * down, immediate danger on top), the ones the organisation holds, and — on a second tab — the ended ones.
 * Only the minimal facts of each case are asked for here.
 */
export default async function InboxPage({ searchParams }: { searchParams: Promise<{ view?: string | string[] }> }) {
  const entered = await enterArea('inbox');
  if (!entered.ok) return entered.render;
  const view = (await searchParams).view === 'ended' ? 'ended' : 'active';

  const t = await getTranslations('Inbox');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const common = await getTranslations('Common');
  // With the directory down the referrals still come, without their services' names: worth showing.
  const result = await callGateway(incomingReferralsOperation, {
    variables: { states: view === 'ended' ? [...ENDED_STATES] : null, after: null },
    partial: () => true,
  });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const referrals = result.data.incomingReferrals.nodes;
  const more = result.data.incomingReferrals.hasNextPage;

  const waiting = referrals.filter((r) => r.state === 'SENT').sort(byUrgencyThenDeadline);
  const holding = referrals.filter((r) => r.state === 'ACCEPTED' || r.state === 'IN_CARE');
  const immediate = waiting.filter((r) => r.case?.urgency === 'IMMEDIATE').length;

  const person = (r: IncomingReferral) =>
    [r.case?.ageGroup ? vocabulary.ageGroup(r.case.ageGroup) : null, r.case?.gender ? vocabulary.gender(r.case.gender) : null, r.case?.province ? vocabulary.province(r.case.province) : null]
      .filter(Boolean)
      .join(' · ') || t('notStated');
  const reference = (r: IncomingReferral) => (
    <Link href={`/inbox/${r.id}`} className={`mono ${styles.reference}`}>
      {r.case?.reference ?? t('openReferral')}
    </Link>
  );
  const serviceName = (r: IncomingReferral) => r.service?.name ?? <span className="muted">{common('serviceUnknown')}</span>;
  const unread = (r: IncomingReferral) =>
    r.messageThread.unreadCount > 0 ? <span className="badge badge-info">{t('unread', { count: r.messageThread.unreadCount })}</span> : <span className="muted">{t('noUnread')}</span>;

  return (
    <>
      <div className="page-heading">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>

      <nav aria-label={t('viewsLabel')} className={styles.views}>
        <Link href="/inbox" aria-current={view === 'active' ? 'page' : undefined}>
          {t('viewActive')}
        </Link>
        <Link href="/inbox?view=ended" aria-current={view === 'ended' ? 'page' : undefined}>
          {t('viewEnded')}
        </Link>
      </nav>

      <IncompleteNotice incomplete={result.incomplete} />
      {more ? <p className="notice notice-info">{t('more')}</p> : null}

      {view === 'active' ? (
        <>
          <section className="section" aria-labelledby="inbox-waiting">
            <div className="section-heading">
              <h2 id="inbox-waiting">{t('waitingTitle', { count: waiting.length })}</h2>
            </div>
            {immediate > 0 ? (
              <p className="notice notice-error" role="status">
                {t('immediateNotice', { count: immediate })}
              </p>
            ) : null}
            {waiting.length === 0 ? (
              <p className="muted">{t('waitingEmpty')}</p>
            ) : (
              <DataTable labelledBy="inbox-waiting" columns={[t('reference'), t('deadline'), t('urgency'), t('service'), t('person'), t('messages')]}>
                {waiting.map((r) => (
                  <tr key={r.id} className={r.case?.urgency === 'IMMEDIATE' ? styles.immediate : undefined}>
                    <th scope="row">{reference(r)}</th>
                    <td>
                      <Deadline at={r.deadlineAt} />
                    </td>
                    <td>
                      {r.case ? <UrgencyBadge urgency={r.case.urgency} /> : null}
                    </td>
                    <td>
                      {serviceName(r)}
                      <br />
                      <span className="muted">{vocabulary.serviceType(r.need)}</span>
                    </td>
                    <td>{person(r)}</td>
                    <td>{unread(r)}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>

          <section className="section" aria-labelledby="inbox-holding">
            <div className="section-heading">
              <h2 id="inbox-holding">{t('holdingTitle', { count: holding.length })}</h2>
            </div>
            {holding.length === 0 ? (
              <p className="muted">{t('holdingEmpty')}</p>
            ) : (
              <DataTable labelledBy="inbox-holding" columns={[t('reference'), t('state'), t('service'), t('acceptedAt'), t('messages')]}>
                {holding.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{reference(r)}</th>
                    <td>
                      <span className={r.state === 'IN_CARE' ? 'badge badge-positive' : 'badge badge-info'}>{vocabulary.referralState(r.state)}</span>
                    </td>
                    <td>{serviceName(r)}</td>
                    <td>{r.respondedAt ? dates.dateTime(r.respondedAt) : t('notStated')}</td>
                    <td>{unread(r)}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        </>
      ) : (
        <section className="section" aria-labelledby="inbox-ended">
          <div className="section-heading">
            <h2 id="inbox-ended">{t('endedTitle', { count: referrals.length })}</h2>
          </div>
          {referrals.length === 0 ? (
            <p className="muted">{t('endedEmpty')}</p>
          ) : (
            <DataTable labelledBy="inbox-ended" columns={[t('reference'), t('state'), t('service'), t('endedAt')]}>
              {referrals.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{reference(r)}</th>
                  <td>
                    <span className="badge">{vocabulary.referralState(r.state)}</span>
                  </td>
                  <td>{serviceName(r)}</td>
                  <td>{r.endedAt ? dates.dateTime(r.endedAt) : t('notStated')}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      )}
    </>
  );
}
