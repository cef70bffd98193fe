import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ACTIVE_STATES, UrgencyBadge } from '@/components/badges';
import { ErrorNotice } from '@/components/error-notice';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { callGateway } from '@/lib/gateway';
import { caseFrameOperation } from '@/lib/operations/cases';
import { matchServicesOperation } from '@/lib/operations/matching';
import { leaveIfSessionEnded } from '@/lib/session';
import { failedRecordRead } from '@/lib/record-read';
import { CaseNav } from '../../_components/case-nav';
import { sendReferrals } from './actions';
import styles from './match.module.css';
import { SendReferralsForm } from './send-form';
import { getMatchWording } from './wording';

export const generateMetadata = titled('CaseMatch');

/**
 * Services ranked for this case's person from the case's own facts (no personal data is asked), each with
 * capacity, distance and its score explained; the services that cannot take them, with the reasons.
 * Tick one or more and send.
 */
export default async function MatchPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const entered = await enterArea('cases');
  if (!entered.ok) return entered.render;
  const { id } = await params;
  const allowWaitlist = (await searchParams).waitlist === '1';
  const t = await getTranslations('CaseMatch');
  const vocabulary = await getVocabulary();
  const wording = await getMatchWording();

  const frame = await callGateway(caseFrameOperation, { variables: { id } });
  if (!frame.ok) return failedRecordRead(frame.failure);
  const item = frame.data.case;
  if (!item) notFound();

  const input = {
    serviceTypes: item.needs,
    urgency: item.urgency,
    age: item.age,
    gender: item.gender,
    languages: item.languages.length ? item.languages : undefined,
    exploitationType: item.exploitationType,
    place: item.place || undefined,
    region: item.province,
    allowWaitlist,
  };
  let placeUnknown = false;
  let result = await callGateway(matchServicesOperation, { variables: { input } });
  if (!result.ok && result.failure.kind === 'REJECTED' && result.failure.code === 'BAD_USER_INPUT' && input.place) {
    // A place the gazetteer does not know: match on the province instead, and say so.
    placeUnknown = true;
    result = await callGateway(matchServicesOperation, { variables: { input: { ...input, place: undefined } } });
  }
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const { ranked, excluded } = result.data.matchServices;
  // Null only in an answer a failed part left incomplete, which this call does not accept (no `partial`).
  const referred = new Set(
    item.referrals.flatMap((referral) => (referral.service && ACTIVE_STATES.includes(referral.state) ? [referral.service.id] : [])),
  );
  const open = item.status === 'OPEN';
  // The reader's locale, not the server's: 12,5 km in Dutch, 12.5 km in English.
  const locale = await getLocale();
  const km = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

  const rows = ranked.map((entry) => {
    const capacity = entry.service.capacity;
    return {
      serviceId: entry.service.id,
      name: entry.service.name,
      referred: referred.has(entry.service.id) || !open,
      content: (
        <>
          <p className="muted">
            {entry.service.organisation.name} · {vocabulary.serviceType(entry.service.type)} · {entry.service.city || vocabulary.province(entry.service.province)}
          </p>
          <div className={styles.meta}>
            <span className={styles.score}>{t('score', { score: points.format(entry.score) })}</span>
            <span>{entry.distanceKm === null ? t('distanceUnknown') : t('distance', { km: km.format(entry.distanceKm) })}</span>
            <span>
              {!capacity ? (
                <span className="badge">{t('capacityUnknown')}</span>
              ) : capacity.paused ? (
                <span className="badge badge-danger">{t('paused')}</span>
              ) : capacity.availableSlots > 0 ? (
                <span className="badge badge-positive">{t('available', { count: capacity.availableSlots, total: capacity.totalSlots })}</span>
              ) : (
                <span className="badge badge-warning">{t('full', { waitlist: capacity.waitlistLength })}</span>
              )}{' '}
              {capacity?.stale ? <span className="badge">{t('stale')}</span> : null}
            </span>
            {referred.has(entry.service.id) ? <span className="badge badge-info">{t('alreadyReferred')}</span> : null}
          </div>
          <details>
            <summary>{t('explain')}</summary>
            <ul className={styles.factors}>
              {entry.breakdown.map((factor) => (
                <li key={factor.factor}>
                  <strong>{vocabulary.matchFactor(factor.factor)}</strong>:{' '}
                  {t('points', { points: points.format(factor.points), max: points.format(factor.max) })} — {wording.detail(factor.detail)}
                </li>
              ))}
            </ul>
          </details>
        </>
      ),
    };
  });

  return (
    <>
      <CaseNav caseId={item.id} current="match" />
      <div className="page-heading">
        <p className="eyebrow">
          <span className="mono">{item.reference}</span> <UrgencyBadge urgency={item.urgency} />
        </p>
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro', { needs: item.needs.map(vocabulary.serviceType).join(', ') })}</p>
      </div>
      {placeUnknown ? <p className="notice notice-info">{t('placeUnknown')}</p> : null}
      {!open ? <p className="notice notice-info">{t('caseClosed')}</p> : null}
      {open && item.consentRecords?.some((record) => record.status === 'ACTIVE') === false ? (
        <p className="notice notice-warning">
          {t('noConsent')} <Link href={`/cases/${item.id}/consent`}>{t('recordConsent')}</Link>
        </p>
      ) : null}
      <p>
        {allowWaitlist ? (
          <Link href={`/cases/${item.id}/match`}>{t('hideWaitlist')}</Link>
        ) : (
          <Link href={`/cases/${item.id}/match?waitlist=1`}>{t('showWaitlist')}</Link>
        )}
      </p>

      <section className="section" aria-labelledby="ranked-heading">
        <h2 id="ranked-heading">{t('rankedTitle', { count: ranked.length })}</h2>
        {ranked.length === 0 ? (
          <p className="notice notice-warning">{t('rankedEmpty')}</p>
        ) : (
          <SendReferralsForm caseId={item.id} rows={rows} idempotencyKey={crypto.randomUUID()} send={sendReferrals.bind(null, item.id)} />
        )}
      </section>

      <section className="section" aria-labelledby="excluded-heading">
        <h2 id="excluded-heading">{t('excludedTitle', { count: excluded.length })}</h2>
        {excluded.length === 0 ? (
          <p className="muted">{t('excludedEmpty')}</p>
        ) : (
          <ul className={styles.excluded}>
            {excluded.map((entry) => (
              <li key={entry.service.id}>
                <strong>{entry.service.name}</strong> <span className="muted">({entry.service.organisation.name}, {vocabulary.serviceType(entry.service.type)})</span>
                <br />
                {entry.why.map(wording.why).join('; ')}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
