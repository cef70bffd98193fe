import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StateBadge, UrgencyBadge, WITHDRAWABLE } from '@/components/badges';
import { IncompleteNotice } from '@/components/incomplete-notice';
import { MessageThread } from '@/components/message-thread/message-thread';
import { ReferralAnswerRows } from '@/components/referral-answer';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { referralOperation } from '@/lib/operations/cases';
import { failedRecordRead } from '@/lib/record-read';
import { CaseNav } from '../../../_components/case-nav';
import { ReasonForm } from '../../../_components/reason-form';
import { Timeline } from '../../../_components/timeline';
import { withdrawReferral } from './actions';

export const generateMetadata = titled('CaseReferral');

/** One referral as the coordinator follows it: where it stands, its history, messages, and withdrawing. */
export default async function ReferralPage({ params }: { params: Promise<{ id: string; referralId: string }> }) {
  const entered = await enterArea('cases');
  if (!entered.ok) return entered.render;
  const { id, referralId } = await params;
  const t = await getTranslations('CaseReferral');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const common = await getTranslations('Common');
  // Without the directory only the service's name is missing; the referral itself is all cases'.
  const result = await callGateway(referralOperation, { variables: { id: referralId }, partial: () => true });
  if (!result.ok) return failedRecordRead(result.failure);
  const referral = result.data.referral;
  // The address names the case too: a referral of another case is not shown under this one.
  if (!referral.case || referral.case.id !== id) notFound();
  const none = t('none');

  return (
    <>
      <CaseNav caseId={id} current="referral" />
      <div className="page-heading">
        <p className="eyebrow">
          <Link className="mono" href={`/cases/${id}`}>
            {referral.case.reference}
          </Link>{' '}
          <UrgencyBadge urgency={referral.case.urgency} />
        </p>
        <h1>{t('heading', { service: referral.service?.name ?? common('serviceUnknown') })}</h1>
        <p>
          <StateBadge state={referral.state} /> {referral.overdue ? <span className="badge badge-danger">{t('overdue')}</span> : null}
        </p>
      </div>

      <IncompleteNotice incomplete={result.incomplete} />
      {referral.overdue ? <p className="notice notice-warning">{t('overdueNotice', { at: dates.dateTime(referral.deadlineAt) })}</p> : null}

      <div className="split">
        <div>
          <section className="section card" aria-labelledby="referral-facts">
            <h2 id="referral-facts">{t('factsTitle')}</h2>
            <dl className="details">
              <dt>{t('organisation')}</dt>
              <dd>{referral.organisation.name}</dd>
              <dt>{t('need')}</dt>
              <dd>{vocabulary.serviceType(referral.need)}</dd>
              <dt>{t('sentAt')}</dt>
              <dd>
                {dates.dateTime(referral.sentAt)} · {referral.sentBy.displayName ?? none}
              </dd>
              <dt>{t('deadline')}</dt>
              <dd>
                {dates.dateTime(referral.deadlineAt)}
                {referral.state === 'SENT' ? <span className="muted"> ({dates.relative(referral.deadlineAt)})</span> : null}
              </dd>
              <dt>{t('respondedAt')}</dt>
              <dd>{referral.respondedAt ? dates.dateTime(referral.respondedAt) : none}</dd>
              <dt>{t('intakeAt')}</dt>
              <dd>{referral.intakeAt ? dates.dateTime(referral.intakeAt) : none}</dd>
              <dt>{t('endedAt')}</dt>
              <dd>{referral.endedAt ? dates.dateTime(referral.endedAt) : none}</dd>
              <ReferralAnswerRows referral={referral} labels={{ declineReason: t('declineReason'), outcome: t('outcome'), reasonText: t('reasonText') }} />
            </dl>
          </section>

          <section className="section" aria-labelledby="referral-timeline">
            <h2 id="referral-timeline">{t('timelineTitle')}</h2>
            <Timeline events={referral.timeline} caseId={id} />
          </section>

          {/* The shared thread (web/src/components/message-thread): renders the messages, a reply box, and marks them read. */}
          <MessageThread referralId={referral.id} />
        </div>

        <aside aria-label={t('asideLabel')}>
          {WITHDRAWABLE.includes(referral.state) && referral.case.status === 'OPEN' ? (
            <section className="card" aria-labelledby="withdraw-heading">
              <h2 id="withdraw-heading">{t('withdrawTitle')}</h2>
              <p className="muted">{t('withdrawIntro')}</p>
              <ReasonForm
                form="withdraw"
                required
                action={withdrawReferral.bind(null, id, referral.id)}
                text={{ label: t('withdrawReason'), hint: t('withdrawHint'), submit: t('withdrawSubmit'), pending: t('withdrawing'), formLabel: t('withdrawTitle') }}
              />
            </section>
          ) : (
            <section className="card" aria-labelledby="state-heading">
              <h2 id="state-heading">{t('stateTitle')}</h2>
              <p>{t(`stateHelp.${referral.state}`)}</p>
            </section>
          )}
          <p>
            <Link href={`/cases/${id}`}>{t('backToCase')}</Link>
          </p>
        </aside>
      </div>
    </>
  );
}
