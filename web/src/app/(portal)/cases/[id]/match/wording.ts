import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { getVocabulary } from '@/i18n/vocabulary';
import type { ResultOf } from '@/lib/graphql';
import type { matchServicesOperation } from '@/lib/operations/matching';

type Match = ResultOf<typeof matchServicesOperation>['matchServices'];
export type ScoreDetail = Match['ranked'][number]['breakdown'][number]['detail'];
export type ExclusionReason = Match['excluded'][number]['why'][number];

/**
 * Words, in the reader's language, for the API's score details and exclusion reasons. The API sends them
 * as codes with their numbers (its English sentences are for integrators), so every variant is worded here
 * from the catalogue; a code the API adds fails typecheck until it has words.
 */
export async function getMatchWording() {
  const t = await getTranslations('CaseMatch');
  const vocabulary = await getVocabulary();
  const locale = await getLocale();
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const languages = (codes: readonly string[] | null) =>
    list.format(
      (codes ?? []).map((code) => {
        try {
          return languageNames.of(code) ?? code;
        } catch {
          // Not a code Intl knows: show it as it is rather than nothing.
          return code;
        }
      }),
    );
  // Each variant's numbers are always sent with it; 0 only guards a field the API left out.
  const count = (value: number | null) => value ?? 0;

  function detail(d: ScoreDetail): string {
    const slots = { free: count(d.freeSlots), total: count(d.totalSlots) };
    switch (d.code) {
      case 'DISTANCE_KM': {
        const km = oneDecimal.format(count(d.km));
        return d.place === null ? t('distanceFromPosition', { km }) : t('detail.DISTANCE_KM', { km, place: d.place });
      }
      case 'IN_REGION':
      case 'OUTSIDE_REGION':
        return t(`detail.${d.code}`, { region: d.region ? vocabulary.province(d.region) : '' });
      case 'SPEAKS':
      case 'SPEAKS_NONE':
        return t(`detail.${d.code}`, { languages: languages(d.languages) });
      case 'FULL_WITH_WAITLIST':
        return t('detail.FULL_WITH_WAITLIST', { waitlist: count(d.waitlist) });
      case 'FREE_SLOTS':
      case 'FREE_SLOTS_NEVER_CONFIRMED':
        return t(`detail.${d.code}`, slots);
      case 'FREE_SLOTS_STALE':
        return t('detail.FREE_SLOTS_STALE', { ...slots, days: count(d.staleDays) });
      case 'TOO_FEW_DECIDED':
        return t('detail.TOO_FEW_DECIDED', { decided: count(d.decided) });
      case 'RESPONSE_RECORD':
        return t('detail.RESPONSE_RECORD', { percent: count(d.acceptancePercent), decided: count(d.decided), hours: count(d.medianHours) });
      case 'LOCATION_UNKNOWN':
      case 'NO_LOCATION_GIVEN':
      case 'NO_LANGUAGE_GIVEN':
      case 'NO_HISTORY':
        return t(`detail.${d.code}`);
    }
  }

  function why(r: ExclusionReason): string {
    switch (r.code) {
      case 'SERVICE_TYPE_NOT_NEEDED':
        return t('why.SERVICE_TYPE_NOT_NEEDED', { serviceType: r.serviceType ? vocabulary.serviceType(r.serviceType) : '' });
      case 'BELOW_MINIMUM_AGE':
      case 'ABOVE_MAXIMUM_AGE':
        return t(`why.${r.code}`, { limit: count(r.limit), age: count(r.age) });
      case 'GENDER_NOT_SERVED':
        return t('why.GENDER_NOT_SERVED', { gender: r.gender ? vocabulary.gender(r.gender) : '' });
      case 'EXPLOITATION_TYPE_NOT_SERVED':
        return t('why.EXPLOITATION_TYPE_NOT_SERVED', {
          exploitationType: r.exploitationType ? vocabulary.exploitationType(r.exploitationType) : '',
        });
      case 'NOT_ACCEPTING_REFERRALS':
      case 'NO_CAPACITY_STATED':
      case 'PAUSED':
      case 'NO_FREE_SLOTS':
        return t(`why.${r.code}`);
    }
  }

  return { detail, why };
}
