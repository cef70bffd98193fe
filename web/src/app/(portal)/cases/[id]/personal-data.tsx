import { Fragment } from 'react';
import { getTranslations } from 'next-intl/server';
import styles from './case.module.css';
import type { ResultOf } from '@/lib/graphql';
import type { caseOperation } from '@/lib/operations/cases';
import { getVocabulary } from '@/i18n/vocabulary';

type Data = NonNullable<ResultOf<typeof caseOperation>['case']>['personalData'];

/**
 * The case's personal data by vault category. A category this reader may not see says so in words; an
 * empty one says it was not recorded; an emergency opening is named with its end.
 */
export async function PersonalData({ data }: { data: Data }) {
  const t = await getTranslations('CasePage');
  const vocabulary = await getVocabulary();
  const withheld = new Set(data.withheld);
  const value = (text: string | null | undefined) => (text ? <span className="break">{text}</span> : <span className="muted">{t('notRecorded')}</span>);
  const rows: { category: 'IDENTITY' | 'CONTACT' | 'HEALTH' | 'CASE_NOTES'; fields: [string, string | null | undefined][] }[] = [
    { category: 'IDENTITY', fields: [[t('name'), data.identity?.name], [t('birthDate'), data.identity?.birthDate]] },
    {
      category: 'CONTACT',
      fields: [
        [t('phone'), data.contact?.phone],
        [t('address'), data.contact?.address],
        [t('whereabouts'), data.contact?.whereabouts],
      ],
    },
    { category: 'HEALTH', fields: [[t('healthNotes'), data.health?.notes]] },
    { category: 'CASE_NOTES', fields: [[t('caseNotes'), data.caseNotes?.notes]] },
  ];

  return (
    <section className="section card" aria-labelledby="personal-heading">
      <h2 id="personal-heading">{t('personalTitle')}</h2>
      <p className="muted">{t('personalIntro')}</p>
      {rows.map(({ category, fields }) => (
        <div key={category} className={styles.category}>
          <h3>{vocabulary.dataCategory(category)}</h3>
          {withheld.has(category) ? (
            <p className="withheld">{t('withheld')}</p>
          ) : (
            <dl className={`details ${styles.fields}`}>
              {fields.map(([label, text]) => (
                <Fragment key={label}>
                  <dt>{label}</dt>
                  <dd>{value(text)}</dd>
                </Fragment>
              ))}
            </dl>
          )}
        </div>
      ))}
    </section>
  );
}
