import 'server-only';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Messages } from './messages';

type Titled = { [N in keyof Messages]: Messages[N] extends { title: string } ? N : never }[keyof Messages];

/** A page's `generateMetadata`: the browser tab shows the namespace's `title` in the reader's language. */
export function titled(namespace: Titled): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations(namespace);
    return { title: (t as (key: 'title') => string)('title') };
  };
}
