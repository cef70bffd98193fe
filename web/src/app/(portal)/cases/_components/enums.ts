import type { introspection_types } from '@/graphql-env';

/**
 * The API enums the coordinator's forms offer, as lists in the order shown. Each list is checked against
 * the schema's enum, so a value the API no longer knows fails typecheck.
 */
type EnumOf<N extends keyof introspection_types> = introspection_types[N] extends { enumValues: infer V } ? V : never;

export const URGENCIES = ['IMMEDIATE', 'URGENT', 'STANDARD'] as const satisfies readonly EnumOf<'Urgency'>[];
export const AGE_GROUPS = ['UNDER_16', 'AGE_16_17', 'AGE_18_23', 'AGE_24_PLUS'] as const satisfies readonly EnumOf<'AgeGroup'>[];
export const GENDERS = ['FEMALE', 'MALE', 'NON_BINARY'] as const satisfies readonly EnumOf<'Gender'>[];
export const EXPLOITATION_TYPES = ['SEXUAL', 'LABOUR', 'CRIMINAL', 'OTHER'] as const satisfies readonly EnumOf<'ExploitationType'>[];
export const LEGAL_BASES = ['CONSENT_CLIENT', 'CONSENT_GUARDIAN', 'VITAL_INTEREST', 'STATUTORY'] as const satisfies readonly EnumOf<'LegalBasis'>[];
export const DATA_CATEGORIES = ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'] as const satisfies readonly EnumOf<'DataCategory'>[];
export const PURPOSES = ['REFERRAL_CARE', 'STATISTICS'] as const satisfies readonly EnumOf<'Purpose'>[];
export const GIVEN_BY = ['CLIENT', 'GUARDIAN'] as const satisfies readonly EnumOf<'GivenBy'>[];
export const GIVEN_HOW = ['VERBAL', 'WRITTEN', 'DIGITAL'] as const satisfies readonly EnumOf<'GivenHow'>[];
