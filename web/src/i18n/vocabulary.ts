import 'server-only';
import { getTranslations } from 'next-intl/server';
import { catalogues, type Messages } from './messages';

type Vocabulary = Messages['Vocabulary'];
type Names = { [K in keyof Vocabulary]: (value: keyof Vocabulary[K]) => string };

/**
 * Names of the API's enum values in the reader's language: `(await getVocabulary()).referralState('SENT')`.
 * One function per vocabulary, typed by the catalogue, so an enum value without a name fails typecheck.
 */
export async function getVocabulary(): Promise<Names> {
  const t = await getTranslations('Vocabulary');
  // Only the group names are read from the Dutch catalogue; the words come from the reader's own.
  const groups = Object.keys(catalogues.nl.Vocabulary) as (keyof Vocabulary)[];
  return Object.fromEntries(
    groups.map((group) => [group, (value: string) => t(`${group}.${value}` as Parameters<typeof t>[0])]),
  ) as Names;
}
