import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getVocabulary } from '@/i18n/vocabulary';
import { getDates } from '@/lib/format';
import type { introspection_types } from '@/graphql-env';

type Kind = introspection_types['TimelineEventKind']['enumValues'];

export type TimelineItem = {
  id: string;
  kind: Kind;
  at: string;
  referralId?: string | null;
  reasonCode: string | null;
  reasonText: string;
  actor: { displayName: string | null } | null;
  actorOrganisation: { name: string } | null;
};

const DECLINE_REASONS = ['NO_CAPACITY', 'NOT_ELIGIBLE', 'CLIENT_NOT_REACHABLE', 'SAFETY_CONCERN', 'OTHER'] as const;
const OUTCOMES = ['COMPLETED', 'CLIENT_LEFT', 'TRANSFERRED', 'REFERRED_ELSEWHERE', 'OTHER'] as const;
const includes = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * A case's or a referral's history, newest first, in words: what happened, who (or "Haven" when the
 * system acted), and the reason given. On the case page each referral event links to its referral.
 */
export async function Timeline({
  events,
  caseId,
  serviceNames = {},
}: {
  events: readonly TimelineItem[];
  caseId: string;
  /** Referral id → service name, to say which referral an event is about. */
  serviceNames?: Record<string, string>;
}) {
  const t = await getTranslations('CaseTimeline');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  if (events.length === 0) return <p className="muted">{t('empty')}</p>;
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at));

  const reason = (event: TimelineItem): string | null => {
    const code = event.reasonCode;
    if (!code) return null;
    if (event.kind === 'REFERRAL_DECLINED' && includes(DECLINE_REASONS, code)) return vocabulary.declineReason(code);
    if (event.kind === 'REFERRAL_CLOSED' && includes(OUTCOMES, code)) return vocabulary.referralOutcome(code);
    if (code === 'DEADLINE_PASSED') return t('deadlinePassed');
    if (code === 'PLACED_ELSEWHERE') return t('placedElsewhere');
    return null;
  };

  return (
    <ol className="timeline">
      {sorted.map((event) => {
        const service = event.referralId ? serviceNames[event.referralId] : undefined;
        const why = reason(event);
        return (
          <li key={event.id}>
            <p>
              <strong>{vocabulary.timelineEventKind(event.kind)}</strong>
              {service && event.referralId ? (
                <>
                  {' · '}
                  <Link href={`/cases/${caseId}/referrals/${event.referralId}`}>{service}</Link>
                </>
              ) : null}
            </p>
            <p className="muted">
              <time dateTime={event.at}>{dates.dateTime(event.at)}</time>
              {' · '}
              {!event.actor
                ? t('bySystem')
                : event.actorOrganisation
                  ? t('by', { name: event.actor.displayName ?? t('unknownPerson'), organisation: event.actorOrganisation.name })
                  : t('byPerson', { name: event.actor.displayName ?? t('unknownPerson') })}
            </p>
            {why ? <p>{t('reason', { reason: why })}</p> : null}
            {event.reasonText ? <p className="break">{event.reasonText}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
