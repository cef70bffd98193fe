import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { UrgencyBadge } from '@/components/badges';
import { Deadline } from '@/components/deadline/deadline';
import { ErrorNotice } from '@/components/error-notice';
import { IncompleteNotice } from '@/components/incomplete-notice';
import { MessageThread } from '@/components/message-thread/message-thread';
import { ReferralAnswerRows } from '@/components/referral-answer';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { incomingReferralOperation, referralCareOperation, referralEmergencyDataOperation, type ReferralPersonalData } from '@/lib/operations/inbox';
import { leaveIfSessionEnded } from '@/lib/session';
import { acceptReferral, cancelReferral, closeReferral, declineReferral, recordIntake } from './actions';
import { PersonalData } from './personal-data';
import { ButtonForm, CancelForm, ReasonForm } from './referral-forms';
import styles from './referral.module.css';

export const generateMetadata = titled('Referral');

const DECLINE_REASONS = ['NO_CAPACITY', 'NOT_ELIGIBLE', 'CLIENT_NOT_REACHABLE', 'SAFETY_CONCERN', 'OTHER'] as const;
const OUTCOMES = ['COMPLETED', 'CLIENT_LEFT', 'TRANSFERRED', 'REFERRED_ELSEWHERE', 'OTHER'] as const;
const DONE = ['accepted', 'declined', 'intake', 'cancelled', 'closed'] as const;

/** Another organisation's referral and no referral at all look the same: a calm "not found", nothing more. */
async function NotFound() {
  const t = await getTranslations('Referral');
  return (
    <section className="notice-panel" role="status" aria-labelledby="referral-not-found">
      <h1 id="referral-not-found">{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <p className="actions">
        <Link className="button" href="/inbox">
          {t('backToInbox')}
        </Link>
      </p>
    </section>
  );
}

/**
 * One incoming referral. Before it is accepted only the minimal facts are asked for (and exist for a
 * partner); while the organisation holds the person (accepted, in care) the care facts and the personal
 * data consent allows are read too — a separate query, so nothing personal is asked for earlier.
 */
export default async function ReferralPage({
  params,
  searchParams,
}: {
  params: Promise<{ referralId: string }>;
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const entered = await enterArea('inbox');
  if (!entered.ok) return entered.render;
  const { referralId } = await params;
  const doneParam = (await searchParams).done;
  const done = DONE.find((what) => what === doneParam);

  const t = await getTranslations('Referral');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const locale = await getLocale();

  const common = await getTranslations('Common');
  // The referral is all cases'; only its service's name comes from the directory, so it can stand without it.
  const result = await callGateway(incomingReferralOperation, { variables: { id: referralId }, partial: () => true });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    if (result.failure.kind === 'REJECTED' && result.failure.code === 'NOT_FOUND') return <NotFound />;
    return <ErrorNotice failure={result.failure} />;
  }
  const referral = result.data.referral;
  const facts = referral.case;
  const holding = referral.state === 'ACCEPTED' || referral.state === 'IN_CARE';

  let care = null;
  let careFailed = false;
  if (holding) {
    const cared = await callGateway(referralCareOperation, { variables: { id: referralId } });
    if (cared.ok) care = cared.data.referral.case;
    else {
      leaveIfSessionEnded(cared.failure);
      careFailed = true;
    }
  }
  // Not yet accepted: personal data only where the coordinator opened it by an emergency grant.
  let emergencyData: ReferralPersonalData | null = null;
  if (referral.state === 'SENT' && facts && facts.personalData.emergency.length > 0) {
    const opened = await callGateway(referralEmergencyDataOperation, { variables: { id: referralId } });
    if (opened.ok) emergencyData = opened.data.referral.case?.personalData ?? null;
    else {
      leaveIfSessionEnded(opened.failure);
      careFailed = true;
    }
  }

  const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
  const languages = facts?.languages.map((code) => {
    try {
      return languageNames.of(code) ?? code;
    } catch {
      return code;
    }
  });
  const none = <span className="muted">{t('notStated')}</span>;
  const stateBadge =
    referral.state === 'SENT' ? 'badge badge-warning' : holding ? 'badge badge-positive' : 'badge';

  return (
    <>
      <p className={styles.back}>
        <Link href="/inbox">{t('backToInbox')}</Link>
      </p>
      <div className="page-heading">
        <h1>{t('heading', { reference: facts?.reference ?? '' })}</h1>
        <p className={styles.badges}>
          <span className={stateBadge}>{vocabulary.referralState(referral.state)}</span>
          {facts ? <UrgencyBadge urgency={facts.urgency} /> : null}
          <span className="muted">{t('forService', { service: referral.service?.name ?? common('serviceUnknown') })}</span>
        </p>
      </div>

      <IncompleteNotice incomplete={result.incomplete} />
      {done ? (
        <p className="notice notice-success" role="status">
          {t(`done_${done}`)}
        </p>
      ) : null}

      {referral.state === 'SENT' ? (
        <div className={`card ${styles.deadline}`}>
          <h2 className={styles.deadlineTitle}>{t('deadlineTitle')}</h2>
          <Deadline at={referral.deadlineAt} />
          <p className="muted">{t('minimalNotice')}</p>
        </div>
      ) : null}

      <div className="split">
        <div>
          <section className="section" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{t('factsTitle')}</h2>
            <div className="card">
              <dl className="details">
                <dt>{t('reference')}</dt>
                <dd className="mono">{facts?.reference ?? none}</dd>
                <dt>{t('urgency')}</dt>
                <dd>{facts ? vocabulary.urgency(facts.urgency) : none}</dd>
                <dt>{t('need')}</dt>
                <dd>{vocabulary.serviceType(referral.need)}</dd>
                <dt>{t('needs')}</dt>
                <dd>{facts && facts.needs.length ? facts.needs.map(vocabulary.serviceType).join(', ') : none}</dd>
                <dt>{t('ageGroup')}</dt>
                <dd>{facts?.ageGroup ? vocabulary.ageGroup(facts.ageGroup) : none}</dd>
                <dt>{t('gender')}</dt>
                <dd>{facts?.gender ? vocabulary.gender(facts.gender) : none}</dd>
                <dt>{t('languages')}</dt>
                <dd>{languages && languages.length ? languages.join(', ') : none}</dd>
                <dt>{t('province')}</dt>
                <dd>{facts?.province ? vocabulary.province(facts.province) : none}</dd>
                <dt>{t('from')}</dt>
                <dd>{referral.coordinatingOrganisation.name}</dd>
                <dt>{t('sentAt')}</dt>
                <dd>{dates.dateTime(referral.sentAt)}</dd>
                {referral.respondedAt ? (
                  <>
                    <dt>{t('respondedAt')}</dt>
                    <dd>{dates.dateTime(referral.respondedAt)}</dd>
                  </>
                ) : null}
                {referral.intakeAt ? (
                  <>
                    <dt>{t('intakeAt')}</dt>
                    <dd>{dates.dateTime(referral.intakeAt)}</dd>
                  </>
                ) : null}
                {referral.endedAt ? (
                  <>
                    <dt>{t('endedAt')}</dt>
                    <dd>{dates.dateTime(referral.endedAt)}</dd>
                  </>
                ) : null}
                <ReferralAnswerRows referral={referral} labels={{ declineReason: t('declineReason'), outcome: t('outcome'), reasonText: t('reasonGiven') }} />
              </dl>
            </div>
          </section>

          {holding ? (
            care ? (
              <PersonalData care={care} />
            ) : (
              <section className="section" aria-labelledby="personal-data-heading">
                <h2 id="personal-data-heading">{t('personalDataTitle')}</h2>
                <p className="notice notice-error" role="status">
                  {careFailed ? t('personalDataUnavailable') : t('withheld')}
                </p>
              </section>
            )
          ) : referral.state === 'SENT' ? (
            emergencyData ? (
              <PersonalData personalData={emergencyData} />
            ) : careFailed ? (
              <section className="section" aria-labelledby="personal-data-heading">
                <h2 id="personal-data-heading">{t('personalDataTitle')}</h2>
                <p className="notice notice-error" role="status">
                  {t('personalDataUnavailable')}
                </p>
              </section>
            ) : null
          ) : (
            <section className="section" aria-labelledby="personal-data-heading">
              <h2 id="personal-data-heading">{t('personalDataTitle')}</h2>
              <p className="muted">{t('personalDataEnded')}</p>
            </section>
          )}

          <MessageThread referralId={referral.id} />
        </div>

        <aside aria-label={t('asideLabel')}>
          {referral.state === 'SENT' ? (
            <section className="section card" aria-labelledby="answer-heading">
              <h2 id="answer-heading">{t('answerTitle')}</h2>
              <ButtonForm id="accept" action={acceptReferral.bind(null, referral.id)} label={t('accept')} pendingLabel={t('saving')} intro={t('acceptIntro')} />
              <h3 className={styles.subheading}>{t('declineTitle')}</h3>
              <ReasonForm
                id="decline"
                action={declineReferral.bind(null, referral.id)}
                codeName="reason"
                codeLabel={t('declineReasonLabel')}
                options={DECLINE_REASONS.map((value) => ({ value, label: vocabulary.declineReason(value) }))}
                submitLabel={t('decline')}
              />
            </section>
          ) : null}

          {referral.state === 'ACCEPTED' ? (
            <section className="section card" aria-labelledby="intake-heading">
              <h2 id="intake-heading">{t('intakeTitle')}</h2>
              <ButtonForm id="intake" action={recordIntake.bind(null, referral.id)} label={t('recordIntake')} pendingLabel={t('saving')} intro={t('intakeIntro')} />
              <h3 className={styles.subheading}>{t('cancelTitle')}</h3>
              <CancelForm id="cancel" action={cancelReferral.bind(null, referral.id)} />
            </section>
          ) : null}

          {referral.state === 'IN_CARE' ? (
            <section className="section card" aria-labelledby="close-heading">
              <h2 id="close-heading">{t('closeTitle')}</h2>
              <p className="muted">{t('closeIntro')}</p>
              <ReasonForm
                id="close"
                action={closeReferral.bind(null, referral.id)}
                codeName="outcome"
                codeLabel={t('outcomeLabel')}
                options={OUTCOMES.map((value) => ({ value, label: vocabulary.referralOutcome(value) }))}
                submitLabel={t('close')}
                variant="primary"
              />
            </section>
          ) : null}

          <section className="section" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t('timelineTitle')}</h2>
            {referral.timeline.length === 0 ? (
              <p className="muted">{t('timelineEmpty')}</p>
            ) : (
              <ol className="timeline">
                {referral.timeline.map((event) => (
                  <li key={event.id}>
                    <strong>{vocabulary.timelineEventKind(event.kind)}</strong>
                    <br />
                    <time dateTime={event.at} className="muted">
                      {dates.dateTime(event.at)}
                    </time>
                    {event.actorOrganisation ? <span className="muted"> · {event.actorOrganisation.name}</span> : <span className="muted"> · {t('system')}</span>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
