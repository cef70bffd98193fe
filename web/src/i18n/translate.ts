import nl from './messages/nl.json';
import type { OrganisationKind, Province, Role, ServiceType } from '@/lib/vocabulary';

/**
 * A stand-in for next-intl with the same message layout (one JSON catalogue per locale, namespaced,
 * `{name}` placeholders): moving to next-intl means swapping this file for its `getTranslations`.
 * Dutch only for now.
 */
export const locale = 'nl';

type Catalogue = typeof nl;
type Flat<N extends keyof Catalogue> = { [K in keyof Catalogue[N]]: Catalogue[N][K] extends string ? K : never }[keyof Catalogue[N]];

export function getTranslations<N extends Exclude<keyof Catalogue, 'Vocabulary'>>(namespace: N) {
  const messages = nl[namespace] as Record<string, unknown>;
  return (key: Flat<N> & string, values?: Record<string, string | number>): string =>
    format(String(messages[key] ?? key), values);
}

function format(message: string, values?: Record<string, string | number>): string {
  if (!values) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Header navigation labels live one level deeper. */
export function navLabel(key: keyof Catalogue['Header']['nav']): string {
  return nl.Header.nav[key];
}

export const vocabulary = {
  role: (value: Role): string => nl.Vocabulary.role[value],
  organisationKind: (value: OrganisationKind): string => nl.Vocabulary.organisationKind[value],
  province: (value: Province): string => nl.Vocabulary.province[value],
  serviceType: (value: ServiceType): string => nl.Vocabulary.serviceType[value],
};
