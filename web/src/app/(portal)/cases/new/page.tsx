import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { AGE_GROUPS, EXPLOITATION_TYPES, GENDERS, PROVINCES, SERVICE_TYPES, URGENCIES } from '@/lib/vocabulary';
import { NewCaseForm } from './new-case-form';

export const generateMetadata = titled('NewCase');

export default async function NewCasePage() {
  const entered = await enterArea('cases');
  if (!entered.ok) return entered.render;
  const t = await getTranslations('NewCase');
  const vocabulary = await getVocabulary();

  return (
    <>
      <p>
        <Link href="/cases">{t('back')}</Link>
      </p>
      <div className="page-heading">
        <h1 id="new-case-heading">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      <NewCaseForm
        // Made once per render of the form: a double submit carries the same key and opens one case.
        idempotencyKey={crypto.randomUUID()}
        options={{
          urgencies: URGENCIES.map((value) => ({ value, label: vocabulary.urgency(value) })),
          needs: SERVICE_TYPES.map((value) => ({ value, label: vocabulary.serviceType(value) })),
          ageGroups: AGE_GROUPS.map((value) => ({ value, label: vocabulary.ageGroup(value) })),
          genders: GENDERS.map((value) => ({ value, label: vocabulary.gender(value) })),
          exploitationTypes: EXPLOITATION_TYPES.map((value) => ({ value, label: vocabulary.exploitationType(value) })),
          provinces: PROVINCES.map((value) => ({ value, label: vocabulary.province(value) })),
        }}
      />
    </>
  );
}
