import { Fragment } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { getVocabulary } from '@/i18n/vocabulary';
import { getDates } from '@/lib/format';
import type { ReferralCare, ReferralPersonalData } from '@/lib/operations/inbox';

type Category = 'IDENTITY' | 'CONTACT' | 'HEALTH' | 'CASE_NOTES';
const CATEGORIES: Category[] = ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'];

/**
 * What the receiving organisation may know of the person while it holds them: the care facts, and each
 * category of personal data the consent allows right now. A category the API withholds (no consent, or
 * consent could not be asked) is said in words — never an empty box that looks like "nothing known".
 */
export async function PersonalData({
  care,
  personalData,
}: {
  /** While the organisation holds the person: the care facts with the personal data. */
  care?: ReferralCare;
  /** Before accepting: only what an emergency grant opened (the rest comes back withheld). */
  personalData?: ReferralPersonalData;
}) {
  const t = await getTranslations('Referral');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const locale = await getLocale();
  const data = care?.personalData ?? personalData;
  if (!data) return null;
  const withheld = new Set<string>(data.withheld);
  const value = (text: string | null | undefined) => (text && text.trim() ? text : <span className="muted">{t('notFilled')}</span>);
  const birthDate = (iso: string | null | undefined) => {
    if (!iso) return value(null);
    const parsed = new Date(`${iso}T12:00:00Z`);
    return Number.isNaN(parsed.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(parsed);
  };

  const fields: Record<Category, [string, React.ReactNode][]> = {
    IDENTITY: [
      [t('name'), value(data.identity?.name)],
      [t('birthDate'), birthDate(data.identity?.birthDate)],
    ],
    CONTACT: [
      [t('phone'), value(data.contact?.phone)],
      [t('address'), value(data.contact?.address)],
      [t('whereabouts'), value(data.contact?.whereabouts)],
    ],
    HEALTH: [[t('healthNotes'), value(data.health?.notes)]],
    CASE_NOTES: [[t('caseNotes'), value(data.caseNotes?.notes)]],
  };

  return (
    <section className="section" aria-labelledby="personal-data-heading">
      <h2 id="personal-data-heading">{t('personalDataTitle')}</h2>
      <p className="muted">{care ? t('personalDataIntro') : t('personalDataEmergencyIntro')}</p>
      {care ? (
        <div className="card">
          <dl className="details">
            <dt>{t('exploitationType')}</dt>
            <dd>{care.exploitationType ? vocabulary.exploitationType(care.exploitationType) : value(null)}</dd>
            <dt>{t('place')}</dt>
            <dd>{value(care.place)}</dd>
          </dl>
        </div>
      ) : null}
      {CATEGORIES.map((category) => {
        const emergency = data.emergency.find((flag) => flag.category === category);
        const headingId = `category-${category}`;
        return (
          <section key={category} className="card" aria-labelledby={headingId} data-category={category}>
            <h3 id={headingId}>{vocabulary.dataCategory(category)}</h3>
            {withheld.has(category) ? (
              <p className="withheld" data-withheld="true">
                {t('withheld')}
              </p>
            ) : (
              <>
                {emergency ? (
                  <p className="notice notice-warning">
                    {t('emergencyOpened', { reason: emergency.reason, until: dates.dateTime(emergency.expiresAt) })}
                  </p>
                ) : null}
                <dl className="details">
                  {fields[category].map(([label, shown]) => (
                    <Fragment key={label}>
                      <dt>{label}</dt>
                      <dd className="break">{shown}</dd>
                    </Fragment>
                  ))}
                </dl>
              </>
            )}
          </section>
        );
      })}
    </section>
  );
}
