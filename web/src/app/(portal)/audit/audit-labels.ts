import 'server-only';
import type { introspection_types } from '@/graphql-env';
import { getVocabulary } from '@/i18n/vocabulary';
import { ROLES, type Role } from '@/lib/vocabulary';

type DataCategory = introspection_types['DataCategory']['enumValues'];
type Purpose = introspection_types['Purpose']['enumValues'];
const CATEGORIES = new Set<string>(['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'] satisfies DataCategory[]);
const PURPOSES = new Set<string>(['REFERRAL_CARE', 'STATISTICS'] satisfies Purpose[]);
const ROLE_NAMES = new Set<string>(ROLES);

/**
 * Names for what audit events store as plain strings (roles, categories, purposes): the vocabulary's word when it is
 * one of the API's values, the stored text otherwise (an older event may hold a value no longer in use).
 */
export async function getAuditLabels() {
  const vocabulary = await getVocabulary();
  return {
    role: (value: string | null) => (value && ROLE_NAMES.has(value) ? vocabulary.role(value as Role) : value),
    category: (value: string) => (CATEGORIES.has(value) ? vocabulary.dataCategory(value as DataCategory) : value),
    purposes: (value: string | null) =>
      value
        ? value
            .split(',')
            .map((part) => part.trim())
            .map((part) => (PURPOSES.has(part) ? vocabulary.purpose(part as Purpose) : part))
            .join(', ')
        : null,
  };
}

/** Ids are long; the first block is enough to tell them apart on screen, the links carry the whole id. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
