import { z } from 'zod';
import { EXPLOITATION_TYPES, GENDERS, PROVINCES, ROLES, SERVICE_TYPES, URGENCIES } from '@haven/kit/src/taxonomy';
import type { introspection_types } from '../graphql-env';

/**
 * Haven's fixed vocabularies come from the one list in code (services/kit/src/taxonomy.ts, plain
 * constants only), so the portal cannot drift from the API's enums.
 */
export { EXPLOITATION_TYPES, GENDERS, PROVINCES, ROLES, SERVICE_TYPES, URGENCIES };
export type { Province, Role, ServiceType } from '@haven/kit/src/taxonomy';

export const provinceSchema = z.enum(PROVINCES);
export const serviceTypeSchema = z.enum(SERVICE_TYPES);
/** The API schema's enum (kit's taxonomy has no list of organisation kinds). */
export type OrganisationKind = introspection_types['OrganisationKind']['enumValues'];

export function isProvince(value: unknown): value is z.infer<typeof provinceSchema> {
  return provinceSchema.safeParse(value).success;
}
export function isServiceType(value: unknown): value is z.infer<typeof serviceTypeSchema> {
  return serviceTypeSchema.safeParse(value).success;
}

type EnumOf<N extends keyof introspection_types> = introspection_types[N] extends { enumValues: infer V } ? V : never;

/** Fails typecheck when a list holds a value the API schema's enum `N` no longer has. */
type ListOf<N extends keyof introspection_types, L extends readonly EnumOf<N>[]> = L;
// Kit's lists, checked against the API schema's enums.
export type CheckedKitLists = [
  ListOf<'Urgency', typeof URGENCIES>,
  ListOf<'Gender', typeof GENDERS>,
  ListOf<'ExploitationType', typeof EXPLOITATION_TYPES>,
];

// The API enums kit's taxonomy does not list, in the order forms offer them; `satisfies` keeps each equal to the schema.
export const AGE_GROUPS = ['UNDER_16', 'AGE_16_17', 'AGE_18_23', 'AGE_24_PLUS'] as const satisfies readonly EnumOf<'AgeGroup'>[];
export const LEGAL_BASES = ['CONSENT_CLIENT', 'CONSENT_GUARDIAN', 'VITAL_INTEREST', 'STATUTORY'] as const satisfies readonly EnumOf<'LegalBasis'>[];
export const DATA_CATEGORIES = ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'] as const satisfies readonly EnumOf<'DataCategory'>[];
export const PURPOSES = ['REFERRAL_CARE', 'STATISTICS'] as const satisfies readonly EnumOf<'Purpose'>[];
export const GIVEN_BY = ['CLIENT', 'GUARDIAN'] as const satisfies readonly EnumOf<'GivenBy'>[];
export const GIVEN_HOW = ['VERBAL', 'WRITTEN', 'DIGITAL'] as const satisfies readonly EnumOf<'GivenHow'>[];
export const CARE_KINDS = [
  'SHELTER',
  'HEALTHCARE',
  'MENTAL_HEALTH',
  'LEGAL_AID',
  'YOUTH_CARE',
  'ADDICTION_CARE',
  'MUNICIPALITY',
  'SOCIAL_SERVICES',
  'INTERPRETATION',
  'OTHER',
] as const satisfies readonly EnumOf<'CareOrganisationKind'>[];
/** The API's scope names (kit's API_SCOPES are the token's own spellings, "directory:read"). */
export const API_SCOPE_NAMES = [
  'DIRECTORY_READ',
  'REFERRALS_READ',
  'REFERRALS_WRITE',
  'CAPACITY_WRITE',
  'MESSAGES_READ',
  'MESSAGES_WRITE',
] as const satisfies readonly EnumOf<'ApiScope'>[];
